package io.siteplanner.gis.shapefile;

import io.siteplanner.model.FieldType;

/**
 * One DBF field descriptor.
 *
 * @param name     field name (made unique by the reader)
 * @param code     dBASE type letter (C, N, F, L, D, I, M, ...)
 * @param offset   byte offset inside a record (the deletion flag is byte 0)
 * @param width    width in bytes
 * @param decimals decimal count
 * @param type     attribute type, or null when the field is not read (memo and unknown types)
 */
record DbfField(String name, char code, int offset, int width, int decimals, FieldType type) {
}
