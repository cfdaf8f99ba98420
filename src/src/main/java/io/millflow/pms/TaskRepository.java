package io.millflow.pms;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TaskRepository extends JpaRepository<Task, UUID>, JpaSpecificationExecutor<Task> {
    List<Task> findByProjectIdOrderByNumber(UUID projectId);

    List<Task> findByProjectIdAndStatusOrderByBoardRankAscNumberAsc(UUID projectId, TaskStatus status);

    long countByProjectId(UUID projectId);

    @Query("select coalesce(max(t.number), 0) from Task t where t.projectId = :projectId")
    int maxNumber(@Param("projectId") UUID projectId);

    @Query("select coalesce(max(t.boardRank), -1) from Task t where t.projectId = :projectId and t.status = :status")
    int maxRank(@Param("projectId") UUID projectId, @Param("status") TaskStatus status);

    @Query("select t.projectId, count(t), sum(case when t.status = io.millflow.pms.TaskStatus.DONE then 1 else 0 end)"
            + " from Task t where t.projectId in :ids group by t.projectId")
    List<Object[]> counts(@Param("ids") List<UUID> projectIds);
}
