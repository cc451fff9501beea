package id.parkir.store.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** An API login: only the SHA-256 of the bearer token is stored. */
@Entity
@Table(name = "PARKIR_TOKEN")
public class AuthTokenEntity {
    @Id @Column(name = "TOKEN_HASH", length = 64)
    private String tokenHash;
    @Column(name = "USERNAME", length = 64, nullable = false)
    private String username;
    @Column(name = "CREATED_AT")
    private long createdAt;
    @Column(name = "EXPIRES_AT")
    private long expiresAt;

    public String getTokenHash() {
        return tokenHash;
    }

    public void setTokenHash(String tokenHash) {
        this.tokenHash = tokenHash;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }

    public long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(long expiresAt) {
        this.expiresAt = expiresAt;
    }
}
