package io.siteplanner.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Units stated by field names (price_usd_mwh, land_usd_acre, ...) and how dollars per unit are shown. */
class FieldUnitsTest {
    @Test
    void fieldNamesStateTheirUnits() {
        assertThat(Units.ofField("price_usd_mwh")).isEqualTo("USD/MWh");
        assertThat(Units.ofField("PRICE_USD_PER_MWH")).isEqualTo("USD/MWh");
        assertThat(Units.ofField("land_usd_acre")).isEqualTo("USD/acre");
        assertThat(Units.ofField("industrial_cents_kwh")).isEqualTo("cents/kWh");
        assertThat(Units.ofField("avail_mw")).isEqualTo("MW");
        assertThat(Units.ofField("max_kv")).isEqualTo("kV");
        assertThat(Units.ofField("capex_usd")).isEqualTo("USD");
        assertThat(Units.ofField("RISK_SCORE")).isEmpty();
        assertThat(Units.ofField("kv_class")).isEmpty();
        assertThat(Units.ofField("sumw")).isEmpty(); // a suffix only after an underscore
        assertThat(Units.ofField(null)).isEmpty();
    }

    @Test
    void dollarsPerUnitShowAsDollarsPerUnit() {
        assertThat(Units.label("USD/MWh", Units.DistanceUnit.KM)).isEqualTo("$/MWh");
        assertThat(Units.label("USD/acre", Units.DistanceUnit.MILES)).isEqualTo("$/acre");
        assertThat(Units.format(69.6, "USD/MWh", Units.DistanceUnit.KM)).isEqualTo("$69.60/MWh");
        assertThat(Units.format(7700, "USD/acre", Units.DistanceUnit.KM)).isEqualTo("$7,700/acre");
        assertThat(Units.format(-2.5, "USD/MWh", Units.DistanceUnit.KM)).isEqualTo("-$2.50/MWh");
        assertThat(Units.format(4.2, "cents/kWh", Units.DistanceUnit.KM)).isEqualTo("4.20 cents/kWh");
        // counts of people are whole: a gravity sum of 1,037,524.5 persons reads as 1,037,525 persons
        assertThat(Units.format(1_037_524.5, "persons", Units.DistanceUnit.KM)).isEqualTo("1,037,525 persons");
        assertThat(Units.format(485_959, "customers", Units.DistanceUnit.KM)).isEqualTo("485,959 customers");
        assertThat(Units.format(1e6, "USD/yr", Units.DistanceUnit.KM)).isEqualTo(Units.money(1e6) + "/yr");
    }
}
