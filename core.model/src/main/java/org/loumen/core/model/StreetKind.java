package org.loumen.core.model;

/** What kind of township-level unit a street is; read off the 3-digit township segment of its code. */
public enum StreetKind {
    /** 街道 (segment 001-099). */
    SUBDISTRICT,
    /** 镇 (segment 100-199). */
    TOWN,
    /** 乡 (segment 200-399). */
    TOWNSHIP,
    /** Other township-level units (400-599): offices, development zones, parks (办事处、开发区、园区). */
    OTHER
}
