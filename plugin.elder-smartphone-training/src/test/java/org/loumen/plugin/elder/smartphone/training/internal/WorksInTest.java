package org.loumen.plugin.elder.smartphone.training.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.loumen.programme.ProgrammeRequest;

class WorksInTest {

    static final String GANGWAN = "120112103001";

    /** A request whose only answer is the caller's scopes, which is all worksIn reads. */
    static ProgrammeRequest scoped(String... scopes) {
        return (ProgrammeRequest) Proxy.newProxyInstance(WorksInTest.class.getClassLoader(),
                new Class<?>[] { ProgrammeRequest.class }, (proxy, method, args) -> {
                    if (method.getName().equals("scopes")) {
                        return Set.of(scopes);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void staffAboveAndLeadersBelowWorkInTheCommunityNobodyElse() {
        assertTrue(ElderSmartphoneTraining.worksIn(scoped("120112103"), GANGWAN), "the street admin");
        assertTrue(ElderSmartphoneTraining.worksIn(scoped(GANGWAN), GANGWAN), "the secretary");
        assertTrue(ElderSmartphoneTraining.worksIn(scoped(GANGWAN + "B003U02"), GANGWAN), "a unit's leader");
        assertFalse(ElderSmartphoneTraining.worksIn(scoped("120112103002B001"), GANGWAN), "another community's");
        assertFalse(ElderSmartphoneTraining.worksIn(scoped("120112001"), GANGWAN), "another street's");
    }
}
