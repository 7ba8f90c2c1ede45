package org.touchpoints.register.command.importing;

/** The file cannot be read as a register at all (encoding, quoting, headers). */
class ImportFileException extends RuntimeException {
    private final int line;

    ImportFileException(int line, String message) {
        super(message, null, false, false);
        this.line = line;
    }

    int line() {
        return line;
    }
}
