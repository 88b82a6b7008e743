/**
 * CSV with coordinate or WKT columns: {@link io.siteplanner.gis.csv.CsvFormat} (rules and limits there),
 * a small RFC 4180 tokenizer, delimiter sniffing and type inference without regular expressions.
 */
package io.siteplanner.gis.csv;
