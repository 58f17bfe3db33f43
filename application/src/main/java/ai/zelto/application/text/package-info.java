/** Small text forms the use cases write without a library (the application module has no JSON library). */
package ai.zelto.application.text;
