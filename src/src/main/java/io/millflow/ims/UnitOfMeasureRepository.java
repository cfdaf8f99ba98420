package io.millflow.ims;

import org.springframework.data.jpa.repository.JpaRepository;

interface UnitOfMeasureRepository extends JpaRepository<UnitOfMeasure, String> {
}
