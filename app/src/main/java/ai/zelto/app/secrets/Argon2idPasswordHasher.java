package ai.zelto.app.secrets;

import ai.zelto.application.port.out.PasswordHasher;
import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id through password4j (a maintained library: no hand-written crypto), with OWASP's recommended
 * parameters: 19 MiB of memory, 2 iterations, 1 lane, a 16-byte random salt and a 32-byte hash. Hashes are stored
 * in the PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$…}), which names its own parameters, so raising
 * them later still verifies every stored password.
 */
public final class Argon2idPasswordHasher implements PasswordHasher {
    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19456, 2, 1, 32, Argon2.ID, 19);

    @Override
    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    @Override
    public boolean verify(String password, String hash) {
        if (hash == null || !hash.startsWith("$argon2id$")) {
            return false;
        }
        try {
            return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
        } catch (RuntimeException unreadable) {
            return false;
        }
    }
}
