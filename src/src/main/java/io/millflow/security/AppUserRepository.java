package io.millflow.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AppUserRepository extends JpaRepository<AppUser, UUID> {

    Optional<AppUser> findByUsername(String username);

    boolean existsByUsername(String username);

    @Query("select distinct u from AppUser u join u.roles r where r in :roles and u.enabled = true "
            + "order by u.username")
    List<AppUser> findEnabledWithAnyRole(Collection<String> roles);

    @Query("select u from AppUser u where lower(u.email) = lower(:email) and u.enabled = true")
    List<AppUser> findEnabledByEmail(String email);

    @Query("select count(u) > 0 from AppUser u join u.roles r where r = :role and u.enabled = true")
    boolean existsEnabledWithRole(String role);
}
