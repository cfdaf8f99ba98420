package io.millflow.ims;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A unit of measure; {@code decimals} is how many decimal places a quantity in it may have. */
@Entity
@Table(name = "unit_of_measure")
public class UnitOfMeasure {

    @Id
    private String code;
    @Column(nullable = false)
    private String name;
    @Column(nullable = false)
    private int decimals;

    protected UnitOfMeasure() {
    }

    UnitOfMeasure(String code, String name, int decimals) {
        this.code = code;
        this.name = name;
        this.decimals = decimals;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public int getDecimals() {
        return decimals;
    }
}
