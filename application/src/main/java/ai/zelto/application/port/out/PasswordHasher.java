package ai.zelto.application.port.out;

/** Hashes passwords for storage (slow and salted by design) and checks a typed password against a hash. */
public interface PasswordHasher {
    String hash(String password);

    /** False also for a hash this hasher cannot read. */
    boolean verify(String password, String hash);
}
