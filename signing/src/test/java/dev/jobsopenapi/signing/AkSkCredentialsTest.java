package dev.jobsopenapi.signing;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Credentials come from the vendor's environment variables and never show a secret in a message. */
class AkSkCredentialsTest {

    @Test
    void theVendorsVariablesGiveTheKeysProjectAndToken() {
        AkSkCredentials keys = AkSkCredentials.fromEnvironment(Map.of("HUAWEICLOUD_SDK_AK", "HPUAEXAMPLE", "HUAWEICLOUD_SDK_SK", "secret-sk",
                "HUAWEICLOUD_SDK_PROJECT_ID", "0b3a5d4c", "HUAWEICLOUD_SDK_SECURITY_TOKEN", "token-value"));
        assertEquals("HPUAEXAMPLE", keys.accessKey());
        assertEquals(Optional.of("0b3a5d4c"), keys.projectId());
        assertTrue(keys.hasSecurityToken());
        assertEquals("AkSkCredentials[accessKey=HPUA***, secretKey=***, projectId=0b3a5d4c, securityToken=***]", keys.toString());
    }

    @Test
    void missingVariablesAreNamedAndNoneSetIsEmpty() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> AkSkCredentials.fromEnvironment(Map.of("HUAWEICLOUD_SDK_AK", "HPUAEXAMPLE")));
        assertTrue(missing.getMessage().contains("HUAWEICLOUD_SDK_SK"), missing.getMessage());
        assertEquals(Optional.empty(), AkSkCredentials.fromEnvironmentIfSet(Map.of()));
    }

    @Test
    void aSecretWithALineEndIsRefusedWithoutBeingQuoted() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> AkSkCredentials.fromEnvironment(Map.of("HUAWEICLOUD_SDK_AK", "HPUAEXAMPLE", "HUAWEICLOUD_SDK_SK", "secret-sk\r\n")));
        assertFalse(refused.getMessage().contains("secret-sk"), refused.getMessage());
        assertTrue(refused.getMessage().contains("the secret key"), refused.getMessage());
    }
}
