package io.ogsm.connector.status;

/** What happened to an entity between two polls. */
public enum ChangeType {
    CREATED("created"),
    CHANGED("changed"),
    DELETED("deleted");

    private final String key;

    ChangeType(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
