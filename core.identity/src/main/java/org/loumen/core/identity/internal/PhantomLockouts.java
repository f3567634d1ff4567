package org.loumen.core.identity.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sign-in failures of names that have no account, counted and locked by the same rule as real accounts
 * ({@link LoginStateEntity#fail}), so that after five failures an unknown name answers 423 like a real one: the
 * lockout does not tell which accounts exist. In memory only and bounded (the oldest names are forgotten).
 */
final class PhantomLockouts {

    static final int MAX_NAMES = 100_000;

    private static final class State {
        int failures;
        long lockedUntil;
        long lastFailure;
    }

    private final Map<String, State> names = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, State> eldest) {
            return size() > MAX_NAMES;
        }
    };

    /** Until when the name is locked (0 when it is not). */
    synchronized long lockedUntil(String name, long now) {
        State s = names.get(name);
        return s == null ? 0 : s.lockedUntil;
    }

    /** Counts a failure; at the threshold the name locks and the count starts again. */
    synchronized boolean fail(String name, long now, int threshold, long lockMillis) {
        State s = names.computeIfAbsent(name, k -> new State());
        s.failures++;
        s.lastFailure = now;
        if (s.failures >= threshold) {
            s.failures = 0;
            s.lockedUntil = now + lockMillis;
            return true;
        }
        return false;
    }

    /** An account of that name exists now. */
    synchronized void forget(String name) {
        names.remove(name);
    }

    synchronized int size() {
        return names.size();
    }
}
