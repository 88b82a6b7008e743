/** SitePlanner scoring layer (see README, Architecture). */
package io.siteplanner.scoring;
