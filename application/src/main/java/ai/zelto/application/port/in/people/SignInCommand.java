package ai.zelto.application.port.in.people;

/** @param address the client's network address, for throttling and the audit log */
public record SignInCommand(String email, String password, String address) {
}
