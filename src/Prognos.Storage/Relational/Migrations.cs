namespace Prognos.Storage.Relational;

/// <summary>The schema's history. Append new migrations; never edit one that has shipped.</summary>
internal static class Migrations
{
    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "tracking: experiments, runs, params, tags, metrics", """
            CREATE TABLE experiments (
                experiment_id {id},
                name TEXT NOT NULL UNIQUE,
                artifact_location TEXT NOT NULL,
                lifecycle_stage TEXT NOT NULL,
                creation_time BIGINT NOT NULL,
                last_update_time BIGINT NOT NULL
            );
            CREATE TABLE experiment_tags (
                experiment_id BIGINT NOT NULL REFERENCES experiments(experiment_id),
                key TEXT NOT NULL,
                value TEXT NOT NULL,
                PRIMARY KEY (experiment_id, key)
            );
            CREATE TABLE runs (
                run_id TEXT PRIMARY KEY,
                experiment_id BIGINT NOT NULL REFERENCES experiments(experiment_id),
                run_name TEXT NOT NULL,
                status TEXT NOT NULL,
                start_time BIGINT NOT NULL,
                end_time BIGINT NULL,
                lifecycle_stage TEXT NOT NULL,
                artifact_uri TEXT NOT NULL,
                user_id TEXT NOT NULL,
                parent_run_id TEXT NULL,
                deleted_time BIGINT NULL
            );
            CREATE INDEX ix_runs_experiment ON runs (experiment_id, lifecycle_stage, start_time);
            CREATE INDEX ix_runs_parent ON runs (parent_run_id);
            CREATE TABLE params (
                run_id TEXT NOT NULL REFERENCES runs(run_id),
                key TEXT NOT NULL,
                value TEXT NOT NULL,
                PRIMARY KEY (run_id, key)
            );
            CREATE INDEX ix_params_key_value ON params (key, value, run_id);
            CREATE TABLE tags (
                run_id TEXT NOT NULL REFERENCES runs(run_id),
                key TEXT NOT NULL,
                value TEXT NOT NULL,
                PRIMARY KEY (run_id, key)
            );
            CREATE INDEX ix_tags_key_value ON tags (key, value, run_id);
            CREATE TABLE metrics (
                run_id TEXT NOT NULL,
                key TEXT NOT NULL,
                value {real} NULL,
                is_nan SMALLINT NOT NULL,
                timestamp BIGINT NOT NULL,
                step BIGINT NOT NULL
            );
            CREATE INDEX ix_metrics_run_key ON metrics (run_id, key, step);
            CREATE TABLE latest_metrics (
                run_id TEXT NOT NULL REFERENCES runs(run_id),
                key TEXT NOT NULL,
                value {real} NULL,
                is_nan SMALLINT NOT NULL,
                timestamp BIGINT NOT NULL,
                step BIGINT NOT NULL,
                PRIMARY KEY (run_id, key)
            );
            CREATE INDEX ix_latest_metrics_key_value ON latest_metrics (key, value, run_id);
            INSERT INTO experiments (experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time)
                VALUES (0, 'Default', '0', 'active', 0, 0);
            """),
        new(2, "datasets, lineage and datastores", """
            CREATE TABLE datasets (
                name TEXT PRIMARY KEY,
                creation_time BIGINT NOT NULL,
                last_update_time BIGINT NOT NULL
            );
            CREATE TABLE dataset_versions (
                name TEXT NOT NULL REFERENCES datasets(name),
                version INTEGER NOT NULL,
                content_hash TEXT NOT NULL,
                source_format TEXT NOT NULL,
                source TEXT NOT NULL,
                snapshot_path TEXT NULL,
                reference_uri TEXT NULL,
                row_count BIGINT NOT NULL,
                size_bytes BIGINT NOT NULL,
                columns_json TEXT NOT NULL,
                time_column TEXT NULL,
                series_id_column TEXT NULL,
                description TEXT NULL,
                run_id TEXT NULL,
                created_by TEXT NOT NULL,
                creation_time BIGINT NOT NULL,
                PRIMARY KEY (name, version)
            );
            CREATE UNIQUE INDEX ux_dataset_versions_hash ON dataset_versions (name, content_hash);
            CREATE TABLE dataset_lineage (
                name TEXT NOT NULL,
                version INTEGER NOT NULL,
                input_name TEXT NOT NULL,
                input_version INTEGER NOT NULL,
                PRIMARY KEY (name, version, input_name, input_version)
            );
            CREATE TABLE datastores (
                name TEXT PRIMARY KEY,
                kind TEXT NOT NULL,
                location TEXT NOT NULL,
                secret {blob} NULL,
                description TEXT NULL,
                creation_time BIGINT NOT NULL
            );
            """),
    ];

    public static int Latest => All[^1].Version;
}
