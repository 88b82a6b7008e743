package io.siteplanner.spark;

import org.apache.sedona.spark.SedonaContext;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The Spark session with Sedona's types and functions registered and Kryo serialization. */
final class Sessions {
    private Sessions() {
    }

    /**
     * The session: an existing one (spark-submit, tests), or a new one with {@code master}, else the master
     * spark-submit configured, else {@code local[*]}. Local sessions bind to 127.0.0.1 and run without UI.
     */
    static SparkSession get(String master) {
        SparkConf conf = new SparkConf();
        String m = master != null ? master : conf.get("spark.master", "local[*]");
        SparkSession.Builder b = SparkSession.builder().appName("siteplanner score").master(m)
                .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                .config("spark.kryo.registrator", "org.apache.sedona.core.serde.SedonaKryoRegistrator")
                .config("spark.sql.session.timeZone", "UTC");
        if (m.startsWith("local")) {
            b.config("spark.ui.enabled", conf.get("spark.ui.enabled", "false"))
                    .config("spark.driver.host", conf.get("spark.driver.host", "127.0.0.1"))
                    .config("spark.driver.bindAddress", conf.get("spark.driver.bindAddress", "127.0.0.1"));
        }
        return SedonaContext.create(b.getOrCreate());
    }
}
