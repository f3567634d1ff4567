package org.loumen.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HealthResourceTest {

    @Test
    void theRootCauseOfAnActivationFailureIsReported() {
        String trace = String.join("\n",
                "java.lang.reflect.InvocationTargetException",
                "\tat java.base/jdk.internal.reflect.NativeConstructorAccessorImpl.newInstance0(Native Method)",
                "Caused by: org.example.WrapperException: wrapped",
                "\tat org.example.A.b(A.java:1)",
                "Caused by: java.lang.IllegalStateException: deliberately broken: 42",
                "\tat org.example.C.d(C.java:2)");
        assertEquals("java.lang.IllegalStateException: deliberately broken: 42", HealthResource.rootCause(trace));
    }

    @Test
    void aFailureWithoutCauseGivesItsFirstLine() {
        assertEquals("java.lang.IllegalStateException: no db",
                HealthResource.rootCause("java.lang.IllegalStateException: no db\n\tat x.Y.z(Y.java:3)"));
        assertEquals("activation failed", HealthResource.rootCause(null));
        assertEquals("activation failed", HealthResource.rootCause(" "));
    }
}
