/** SitePlanner store layer (see README, Architecture). */
package io.siteplanner.store;
