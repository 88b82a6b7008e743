package io.siteplanner.scoring;

/**
 * Power and cost rules of thumb from DESIGN.md section 5 (sourced figures; defaults the user can
 * override in the scenario). Between table voltages values are interpolated linearly; below the lowest
 * voltage capacities scale linearly to 0 and costs take the lowest row; above the highest row the highest
 * row is used (so 765 kV is costed and rated as 500 kV: a conservative capacity, an optimistic cost).
 */
public final class GridModel {
    /** Line capacity by voltage (NREL reVX): kV, MW. */
    static final double[][] LINE_CAPACITY = {{69, 102}, {138, 205}, {230, 400}, {345, 750}, {500, 1500}};
    /** New line cost, 2019 USD per mile, MISO (reVX). */
    static final double[][] LINE_COST_PER_MILE = {{69, 1.25e6}, {138, 1.45e6}, {230, 1.69e6}, {500, 2.79e6}};
    /** New substation cost, USD. */
    static final double[][] SUBSTATION_COST = {{69, 5.7e6}, {138, 7.8e6}, {230, 9.7e6}, {500, 20.3e6}};
    /** Loads above this need several tie-lines (reV issue 336). */
    public static final double TIE_LINE_MW = 1500;
    /** MISO estimating practice: route length = straight line x 1.3. */
    public static final double ROUTE_FACTOR = 1.3;
    public static final double CONTINGENCY = 0.20;
    public static final double AFUDC = 0.075;
    /** Default reach of gridHeadroom: 20 miles, beyond which a substation is a deal-breaker. */
    public static final double DEFAULT_RADIUS_KM = 20 * io.siteplanner.model.Units.METRES_PER_MILE / 1000;

    private GridModel() {
    }

    /** Thermal capacity of one line at this voltage, MW. */
    public static double lineCapacityMw(double kv) {
        if (!(kv > 0)) {
            return Double.NaN;
        }
        if (kv < LINE_CAPACITY[0][0]) {
            return LINE_CAPACITY[0][1] * kv / LINE_CAPACITY[0][0];
        }
        return interpolate(LINE_CAPACITY, kv);
    }

    /** New line cost per mile, USD. */
    public static double lineCostPerMile(double kv) {
        return kv > 0 ? interpolate(LINE_COST_PER_MILE, kv) : Double.NaN;
    }

    /** New substation (interconnection) cost, USD. */
    public static double substationCost(double kv) {
        return kv > 0 ? interpolate(SUBSTATION_COST, kv) : Double.NaN;
    }

    /** Number of tie-lines for a demand: 1 up to 1,500 MW, else MW // 1500 + 1. */
    public static int tieLines(double demandMw) {
        return demandMw > TIE_LINE_MW ? (int) Math.floor(demandMw / TIE_LINE_MW) + 1 : 1;
    }

    /**
     * Interconnection cost, USD: (miles x routeFactor x $/mile(kV) x tie-lines + substation(kV)) x
     * (1 + contingency) x (1 + afudc).
     */
    public static double interconnectionCost(double distanceM, double kv, double demandMw, double routeFactor,
            double contingency, double afudc) {
        double miles = distanceM / io.siteplanner.model.Units.METRES_PER_MILE;
        double base = miles * routeFactor * lineCostPerMile(kv) * tieLines(demandMw) + substationCost(kv);
        return base * (1 + contingency) * (1 + afudc);
    }

    /** Present value of 1 USD per year for {@code years} years at {@code rate} (end of year payments). */
    public static double annuityFactor(int years, double rate) {
        if (rate == 0) {
            return years;
        }
        return (1 - Math.pow(1 + rate, -years)) / rate;
    }

    static double interpolate(double[][] t, double x) {
        if (x <= t[0][0]) {
            return t[0][1];
        }
        for (int i = 1; i < t.length; i++) {
            if (x <= t[i][0]) {
                double f = (x - t[i - 1][0]) / (t[i][0] - t[i - 1][0]);
                return t[i - 1][1] + f * (t[i][1] - t[i - 1][1]);
            }
        }
        return t[t.length - 1][1];
    }
}
