package io.millflow.procurement;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SupplierRepository extends JpaRepository<Supplier, UUID> {

    Optional<Supplier> findByCode(String code);

    boolean existsByCode(String code);

    @Query("select s from Supplier s where (:q is null or lower(s.name) like lower(concat('%', cast(:q as string), '%'))"
            + " or lower(s.code) like lower(concat('%', cast(:q as string), '%')))"
            + " and (:blocked is null or s.blocked = :blocked)")
    Page<Supplier> search(String q, Boolean blocked, Pageable pageable);
}
