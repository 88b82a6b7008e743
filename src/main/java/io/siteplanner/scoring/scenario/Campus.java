package io.siteplanner.scoring.scenario;

/**
 * The campus being sited (DESIGN.md section 5 defaults).
 *
 * @param itLoadMw          IT load in MW (required, &gt; 0)
 * @param pue               power usage effectiveness (default 1.2)
 * @param utilization       average fraction of the IT load drawn over a year (default 0.85)
 * @param minAcres          minimum parcel size in acres (0 = none; informational unless a constraint uses it)
 * @param years             horizon for TCO in years (default 15)
 * @param discountRate      discount rate for NPV (default 0.08)
 * @param landPriceUsdPerAcre default land price in USD per acre for TCO (default 0)
 */
public record Campus(double itLoadMw, double pue, double utilization, double minAcres, int years,
        double discountRate, double landPriceUsdPerAcre) {

    public static final double DEFAULT_PUE = 1.2;
    public static final double DEFAULT_UTILIZATION = 0.85;
    public static final int DEFAULT_YEARS = 15;
    public static final double DEFAULT_DISCOUNT_RATE = 0.08;

    /** A campus with the DESIGN.md defaults for everything but the IT load. */
    public static Campus of(double itLoadMw) {
        return new Campus(itLoadMw, DEFAULT_PUE, DEFAULT_UTILIZATION, 0, DEFAULT_YEARS, DEFAULT_DISCOUNT_RATE, 0);
    }

    /** Grid demand in MW: IT load x PUE. */
    /** The campus figures filters may use as {@code ${name}}: demandMw, itLoadMw, pue, utilization. */
    public java.util.Map<String, Double> variables() {
        return java.util.Map.of("demandMw", demandMw(), "itLoadMw", itLoadMw, "pue", pue, "utilization", utilization);
    }

    public double demandMw() {
        return itLoadMw * pue;
    }

    /** Annual energy in MWh: IT MW x PUE x 8,760 h x utilization. */
    public double annualMwh() {
        return itLoadMw * pue * 8760.0 * utilization;
    }
}
