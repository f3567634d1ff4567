package org.loumen.core.model;

import java.util.List;

/** One page of a listing and how many there are in all. */
public record Page<T>(List<T> items, long total) {
}
