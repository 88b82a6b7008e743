/** SitePlanner export layer (see README, Architecture). */
package io.siteplanner.export;
