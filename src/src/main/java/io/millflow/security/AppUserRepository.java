package io.millflow.security;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AppUserRepository extends JpaRepository<AppUser, UUID> {

    Optional<AppUser> findByUsername(String username);

    boolean existsByUsername(String username);

    @Query("select count(u) > 0 from AppUser u join u.roles r where r = :role and u.enabled = true")
    boolean existsEnabledWithRole(String role);
}
