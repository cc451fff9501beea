package id.parkir.store.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A user who logs into the API, the shell or the web console. */
@Entity
@Table(name = "PARKIR_USER")
public class UserEntity {
    @Id @Column(name = "USERNAME", length = 64)
    private String username;
    @Column(name = "FULL_NAME", length = 128)
    private String fullName;
    @Column(name = "ROLE_CODE", length = 16, nullable = false)
    private String role;
    @Column(name = "ACTIVE")
    private boolean active;
    @Column(name = "PASSWORD_HASH", length = 256, nullable = false)
    private String passwordHash;
    @Column(name = "MUST_CHANGE")
    private boolean mustChangePassword;
    @Column(name = "FAILED_LOGINS")
    private int failedLogins;
    @Column(name = "LOCKED_UNTIL")
    private Long lockedUntil;
    @Column(name = "CREATED_AT")
    private long createdAt;
    @Column(name = "LAST_LOGIN_AT")
    private Long lastLoginAt;
    @Column(name = "PASSWORD_CHANGED_AT")
    private long passwordChangedAt;

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public void setMustChangePassword(boolean mustChangePassword) {
        this.mustChangePassword = mustChangePassword;
    }

    public int getFailedLogins() {
        return failedLogins;
    }

    public void setFailedLogins(int failedLogins) {
        this.failedLogins = failedLogins;
    }

    public Long getLockedUntil() {
        return lockedUntil;
    }

    public void setLockedUntil(Long lockedUntil) {
        this.lockedUntil = lockedUntil;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }

    public Long getLastLoginAt() {
        return lastLoginAt;
    }

    public void setLastLoginAt(Long lastLoginAt) {
        this.lastLoginAt = lastLoginAt;
    }

    public long getPasswordChangedAt() {
        return passwordChangedAt;
    }

    public void setPasswordChangedAt(long passwordChangedAt) {
        this.passwordChangedAt = passwordChangedAt;
    }
}
