package org.loumen.plugin.elder.smartphone.training.internal;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** A skill of the checklist the trainer saw the trainee master (已掌握), with the day and who ticked it. */
@Entity
@Table(name = "ET_SKILL_TICK", uniqueConstraints = @UniqueConstraint(columnNames = { "TRAINEE_ID", "SKILL" }))
public class SkillTickEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "TRAINEE_ID", nullable = false)
    long trainee;

    @Column(name = "SKILL", length = 30, nullable = false)
    String skill;

    @Column(name = "TICKED_ON", nullable = false)
    LocalDate tickedOn;

    @Column(name = "TICKED_BY", length = 64, nullable = false)
    String tickedBy;
}
