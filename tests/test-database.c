/* test-database.c: the SQLite file that holds a programme
 *
 * Every test works in its own temporary folder.  The bad-file tests check
 * that a refused file is left byte for byte as it was, with no journal, WAL
 * or shared-memory file beside it.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sb-database.h"
#include "sb-migrations.h"
#include "sb-programme.h"

/* The busy timeout the tests run with, set in main(). */
#define TEST_BUSY_TIMEOUT_MS 300

/* Helpers */

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR)
      && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_remove (path);
    }
}

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("stdbase-test-database-XXXXXX", &error);

  g_assert_no_error (error);
  g_assert_nonnull (dir);

  return dir;
}

static char *
file_checksum (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* No -wal, -shm or -journal file beside @path. */
static void
assert_no_companions (const char *path)
{
  const char *suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *companion = g_strconcat (path, suffixes[i], NULL);

      if (g_file_test (companion, G_FILE_TEST_EXISTS))
        g_error ("“%s” was left behind", companion);
    }
}

static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

  g_assert_cmpint (rc, ==, SQLITE_OK);

  return db;
}

static void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_error ("“%s” failed: %s", sql, message);
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    g_error ("“%s” failed: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    g_error ("“%s” failed: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return value;
}

/* The schema as text, to compare a migrated file with a new one. */
static char *
dump_schema (sqlite3 *db)
{
  GString *schema = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT type, name, tbl_name, sql FROM sqlite_master"
                                       " ORDER BY type, name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < 4; i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);

          g_string_append (schema, text ? text : "NULL");
          g_string_append_c (schema, i < 3 ? '|' : '\n');
        }
    }
  sqlite3_finalize (stmt);

  return g_string_free (schema, FALSE);
}

static SbDatabase *
open_new (const char *path)
{
  g_autoptr(GError) error = NULL;
  SbDatabase *database = sb_database_open (path, SB_DATABASE_OPEN_FLAGS_CREATE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (database);

  return database;
}

/* A closed StdBase database at @path, checkpointed into the one file. */
static void
make_database (const char *path)
{
  g_autoptr(SbDatabase) database = open_new (path);

  g_assert_true (sb_database_exec (database,
                                   "INSERT INTO settings (key, value) VALUES ('test', 'kept')",
                                   NULL));
}

/* A closed StdBase database with @count bases, each with a lead unit and
 * two recorded steps: enough rows that every table involved spans several
 * pages.  Written with plain SQL so that the file does not depend on the
 * demonstration programme.
 */
static void
make_filled_database (const char *path,
                      guint       count)
{
  g_autoptr(SbDatabase) database = open_new (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  sql = g_strdup_printf (
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u)"
    " INSERT INTO organisations (name, kind, address, city_code)"
    "  SELECT '示例单位 ' || i, 'enterprise', '太原市示例路 ' || i || ' 号', '1401' FROM n;"
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u)"
    " INSERT INTO bases (short_name_zh, short_name_en, domain_id, lead_unit_id,"
    "  city_code, state, created_date, submitted_date, last_transition_date)"
    "  SELECT '示例基地 ' || i, 'Example base ' || i, 1 + i %% 12,"
    "   (SELECT id FROM organisations WHERE name = '示例单位 ' || i),"
    "   '1401', 'recommended', '2024-01-02', '2024-02-01', '2024-03-01' FROM n;"
    "INSERT INTO transitions (base_id, action, from_state, to_state, date, role,"
    "  note, recorded_at)"
    "  SELECT id, 'submit', 'draft', 'submitted', '2024-02-01', 'applicant',"
    "   'Submitted with all five conditions documented', '2024-02-01T08:00:00Z'"
    "  FROM bases;"
    "INSERT INTO transitions (base_id, action, from_state, to_state, date, role,"
    "  note, recorded_at)"
    "  SELECT id, 'recommend', 'submitted', 'recommended', '2024-03-01', 'recommender',"
    "   'Recommended by the city authority', '2024-03-01T08:00:00Z'"
    "  FROM bases;",
    count, count);

  g_assert_true (sb_database_begin (database, &error));
  g_assert_true (sb_database_exec (database, sql, &error));
  g_assert_true (sb_database_commit (database, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (sb_database_get_handle (database),
                              "SELECT count(*) FROM transitions"), ==, 2 * count);
}

/* Opening @path must fail with @code, leave the file as it was, and say
 * which file it is about.
 */
static void
assert_open_refused (const char          *path,
                     SbDatabaseOpenFlags  flags,
                     SbDatabaseError      code)
{
  g_autoptr(SbDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = file_checksum (path);
  g_autofree char *after = NULL;
  g_autofree char *basename = g_path_get_basename (path);

  database = sb_database_open (path, flags, &error);
  g_assert_error (error, SB_DATABASE_ERROR, (int) code);
  g_assert_null (database);
  g_assert_nonnull (strstr (error->message, basename));
  g_test_message ("%s", error->message);

  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  assert_no_companions (path);
}

/* @name in @dir. */
static char *
path_in (const char *dir,
         const char *name)
{
  return g_build_filename (dir, name, NULL);
}

/* New files */

static void
test_new_file (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "sub", "folder", "new.db", NULL);
  g_autoptr(SbDatabase) database = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *name_en = NULL;
  g_autofree char *document_dir = NULL;
  sqlite3 *db;

  database = open_new (path);
  db = sb_database_get_handle (database);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (sb_database_get_path (database), ==, path);
  g_assert_cmpuint (sb_database_get_schema_version (database), ==,
                    sb_migrations_get_latest_version ());
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==,
                   sb_migrations_get_latest_version ());
  g_assert_cmpint (query_int (db, "PRAGMA application_id"), ==, SB_DATABASE_APPLICATION_ID);
  journal = query_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpint (query_int (db, "PRAGMA foreign_keys"), ==, 1);

  /* The twelve domains of Art. 3, each named in both languages. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM domains"), ==, 12);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM domains"
                                  " WHERE name_zh <> '' AND name_en <> '' AND statutory = 1"),
                   ==, 12);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT position) FROM domains"), ==, 12);
  name_en = query_text (db, "SELECT name_en FROM domains WHERE name_zh = '半导体'");
  g_assert_cmpstr (name_en, ==, "Semiconductors");

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM tags"), ==, 6);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM tags WHERE name_zh = '新材料'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM cities"), ==, 12);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM cities WHERE code = '1401'"
                                  " AND name_zh = '太原市' AND name_en = 'Taiyuan'"), ==, 1);

  /* One standardisation authority for every city, and the departments. */
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT city_code) FROM organisations"
                                  " WHERE kind = 'city_authority'"), ==, 12);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM organisations"
                                  " WHERE kind = 'industry_department'"), ==, 5);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM bases"), ==, 0);

  /* Nothing has been added yet, so there is no document folder. */
  document_dir = sb_database_get_document_dir (database);
  g_assert_true (g_str_has_prefix (document_dir, path));
  g_assert_false (g_file_test (document_dir, G_FILE_TEST_EXISTS));

  g_clear_object (&database);
  remove_tree (dir);
}

/* Reopening finds the rows written before and seeds nothing twice. */
static void
test_reopen (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = path_in (dir, "reopen.db");
  g_autoptr(SbDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  make_database (path);
  assert_no_companions (path);

  database = sb_database_open (path, SB_DATABASE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  value = sb_database_get_setting (database, "test");
  g_assert_cmpstr (value, ==, "kept");
  g_assert_cmpint (query_int (sb_database_get_handle (database),
                              "SELECT count(*) FROM domains"), ==, 12);
  g_assert_cmpint (query_int (sb_database_get_handle (database),
                              "SELECT count(*) FROM organisations"), ==, 17);

  g_clear_object (&database);
  remove_tree (dir);
}

static void
test_settings (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = path_in (dir, "settings.db");
  g_autoptr(SbDatabase) database = open_new (path);
  g_autofree char *midterm = NULL;
  g_autofree char *report = NULL;
  g_autofree char *assessment = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *changed = NULL;

  /* The programme rules the regulation leaves to the authority. */
  midterm = sb_database_get_setting (database, "midterm-percent");
  report = sb_database_get_setting (database, "annual-report-due");
  assessment = sb_database_get_setting (database, "annual-assessment-due");
  missing = sb_database_get_setting (database, "no-such-setting");
  g_assert_cmpstr (midterm, ==, "50");
  g_assert_cmpstr (report, ==, "03-31");
  g_assert_cmpstr (assessment, ==, "06-30");
  g_assert_null (missing);

  /* The statement is cached: a second read sees a change. */
  g_assert_true (sb_database_exec (database,
                                   "UPDATE settings SET value = '60'"
                                   " WHERE key = 'midterm-percent'", NULL));
  changed = sb_database_get_setting (database, "midterm-percent");
  g_assert_cmpstr (changed, ==, "60");

  g_clear_object (&database);
  remove_tree (dir);
}

/* Migrations */

/* Every older schema is brought up to the latest, and ends up exactly as
 * a new file would be.  A new migration is covered by this loop as soon
 * as it is added.
 */
static void
test_migrations (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *fresh_path = path_in (dir, "fresh.db");
  g_autoptr(SbDatabase) fresh = open_new (fresh_path);
  g_autofree char *fresh_schema = dump_schema (sb_database_get_handle (fresh));
  guint latest = sb_migrations_get_latest_version ();

  g_assert_cmpuint (latest, >=, 1);

  for (guint version = 0; version < latest; version++)
    {
      g_autofree char *name = g_strdup_printf ("v%u.db", version);
      g_autofree char *path = path_in (dir, name);
      g_autoptr(SbDatabase) old = NULL;
      g_autoptr(SbDatabase) database = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *schema = NULL;
      sqlite3 *db;

      g_test_message ("Migrating from schema version %u", version);

      old = sb_database_open_at_version (path, version, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (sb_database_get_schema_version (old), ==, version);
      g_assert_cmpint (query_int (sb_database_get_handle (old), "PRAGMA user_version"),
                       ==, version);
      g_clear_object (&old);

      database = sb_database_open (path, SB_DATABASE_OPEN_FLAGS_NONE, &error);
      g_assert_no_error (error);
      db = sb_database_get_handle (database);
      g_assert_cmpuint (sb_database_get_schema_version (database), ==, latest);
      g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, latest);
      g_assert_cmpint (query_int (db, "PRAGMA application_id"), ==, SB_DATABASE_APPLICATION_ID);
      g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_master"
                                      " WHERE type = 'table' AND name = 'bases'"), ==, 1);
      g_assert_cmpint (query_int (db, "SELECT count(*) FROM domains"), ==, 12);

      schema = dump_schema (db);
      g_assert_cmpstr (schema, ==, fresh_schema);
    }

  /* Asking for the latest version is the same as opening. */
  {
    g_autofree char *path = path_in (dir, "latest.db");
    g_autoptr(SbDatabase) database = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *schema = NULL;

    database = sb_database_open_at_version (path, latest, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (sb_database_get_schema_version (database), ==, latest);
    schema = dump_schema (sb_database_get_handle (database));
    g_assert_cmpstr (schema, ==, fresh_schema);
  }

  g_clear_object (&fresh);
  remove_tree (dir);
}

/* A migration that fails part-way leaves the file at its old version with
 * none of the migration's tables.
 */
static void
test_migration_failure (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = path_in (dir, "conflict.db");
  g_autoptr(SbDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *set_id = NULL;
  sqlite3 *db;

  /* A StdBase file at version 0 that already has a table migration 1
   * creates later than its first. */
  db = raw_open (path);
  set_id = g_strdup_printf ("PRAGMA application_id = %d", SB_DATABASE_APPLICATION_ID);
  raw_exec (db, set_id);
  raw_exec (db, "CREATE TABLE bases (x INTEGER); INSERT INTO bases VALUES (42)");
  sqlite3_close (db);

  database = sb_database_open (path, SB_DATABASE_OPEN_FLAGS_NONE, &error);
  g_assert_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_FAILED);
  g_assert_null (database);
  g_assert_nonnull (strstr (error->message, "conflict.db"));
  g_assert_nonnull (strstr (error->message, "bases"));
  g_test_message ("%s", error->message);

  db = raw_open (path);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_master"
                                  " WHERE name = 'domains'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT x FROM bases"), ==, 42);
  sqlite3_close (db);

  remove_tree (dir);
}

/* Transactions */

static void
test_rollback_constraint (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = path_in (dir, "rollback.db");
  g_autoptr(SbDatabase) database = open_new (path);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = sb_database_get_handle (database);

  /* A foreign key to a domain that does not exist. */
  g_assert_true (sb_database_begin (database, &error));
  g_assert_no_error (error);
  g_assert_true (sb_database_exec (database,
                                   "INSERT INTO bases (short_name_zh, created_date)"
                                   " VALUES ('甲', '2024-01-02')", &error));
  g_assert_no_error (error);
  g_assert_true (sb_database_exec (database,
                                   "INSERT INTO organisations (name, kind)"
                                   " VALUES ('某公司', 'enterprise')", &error));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM bases"), ==, 1);
  g_assert_false (sb_database_exec (database,
                                    "INSERT INTO bases (short_name_zh, created_date, domain_id)"
                                    " VALUES ('乙', '2024-01-02', 9999)", &error));
  g_assert_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "rollback.db"));
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  sb_database_rollback (database);

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM bases"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM organisations"), ==, 17);
  g_assert_true (sqlite3_get_autocommit (db));

  /* A CHECK constraint, then a transaction that commits. */
  g_assert_true (sb_database_begin (database, &error));
  g_assert_true (sb_database_exec (database,
                                   "INSERT INTO organisations (name, kind)"
                                   " VALUES ('某公司', 'enterprise')", &error));
  g_assert_false (sb_database_exec (database,
                                    "INSERT INTO organisations (name, kind)"
                                    " VALUES ('某公司', 'bogus')", &error));
  g_assert_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  sb_database_rollback (database);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM organisations"), ==, 17);

  g_assert_true (sb_database_begin (database, &error));
  g_assert_true (sb_database_exec (database,
                                   "INSERT INTO organisations (name, kind)"
                                   " VALUES ('某公司', 'enterprise')", &error));
  g_assert_true (sb_database_commit (database, &error));
  g_assert_no_error (error);
  g_clear_object (&database);

  /* What was committed is in the file; nothing of the rolled-back work. */
  database = sb_database_open (path, SB_DATABASE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  db = sb_database_get_handle (database);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM organisations"), ==, 18);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM bases"), ==, 0);

  g_clear_object (&database);
  remove_tree (dir);
}

static void
test_savepoints (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = path_in (dir, "savepoints.db");
  g_autoptr(SbDatabase) database = open_new (path);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = sb_database_get_handle (database);

#define INSERT_SETTING(key) \
  g_assert_true (sb_database_exec (database, "INSERT INTO settings (key, value)" \
                                   " VALUES ('" key "', 'x')", &error))

  /* The inner rollback drops only the inner work. */
  g_assert_true (sb_database_begin (database, &error));
  INSERT_SETTING ("outer-a");
  g_assert_true (sb_database_begin (database, &error));
  INSERT_SETTING ("inner-b");
  g_assert_false (sb_database_exec (database,
                                    "INSERT INTO settings (key, value) VALUES ('inner-c', NULL)",
                                    &error));
  g_assert_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  sb_database_rollback (database);
  g_assert_false (sqlite3_get_autocommit (db));
  g_assert_true (sb_database_begin (database, &error));
  INSERT_SETTING ("inner-d");
  g_assert_true (sb_database_begin (database, &error));
  INSERT_SETTING ("innermost-e");
  g_assert_true (sb_database_commit (database, &error));
  g_assert_true (sb_database_commit (database, &error));
  INSERT_SETTING ("outer-f");
  g_assert_true (sb_database_commit (database, &error));
  g_assert_no_error (error);
  g_assert_true (sqlite3_get_autocommit (db));

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM settings"
                                  " WHERE key IN ('outer-a', 'inner-d', 'innermost-e',"
                                  " 'outer-f')"), ==, 4);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM settings"
                                  " WHERE key IN ('inner-b', 'inner-c')"), ==, 0);

  /* An outer rollback drops inner work that was already released. */
  g_assert_true (sb_database_begin (database, &error));
  INSERT_SETTING ("outer-g");
  g_assert_true (sb_database_begin (database, &error));
  INSERT_SETTING ("inner-h");
  g_assert_true (sb_database_commit (database, &error));
  sb_database_rollback (database);
  g_assert_true (sqlite3_get_autocommit (db));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM settings"
                                  " WHERE key IN ('outer-g', 'inner-h')"), ==, 0);

#undef INSERT_SETTING

  g_clear_object (&database);
  remove_tree (dir);
}

static gint64
add_ready_base (SbBaseStore *store,
                const GDate *created)
{
  g_autoptr(GError) error = NULL;
  SbOrganisationInput input = {
    .name = "太原示例装备有限公司",
    .credit_code = "911401001234567887",
    .kind = "enterprise",
    .legal_person = TRUE,
  };
  gint64 lead;
  gint64 recommender;
  gint64 base;

  lead = sb_base_store_add_organisation (store, &input, &error);
  g_assert_no_error (error);
  recommender = sb_base_store_find_recommender (store, "1401", 0);
  g_assert_cmpint (recommender, >, 0);
  base = sb_base_store_create_base (store, "示例", "Example", "semiconductors",
                                    lead, recommender, "1401", created, &error);
  g_assert_no_error (error);
  g_assert_cmpint (base, >, 0);

  return base;
}

/* A refused step, and a step whose recording fails half-way, leave the
 * base as it was and no transition behind.
 */
static void
test_perform_refused (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = path_in (dir, "perform.db");
  g_autoptr(SbProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SbBase) base = NULL;
  g_autoptr(GPtrArray) transitions = NULL;
  SbBaseStore *store;
  SbDatabase *database;
  SbTransitionRequest request;
  GDate created;
  GDate today;
  gint64 id;

  programme = sb_programme_open (path, SB_DATABASE_OPEN_FLAGS_CREATE, &error);
  g_assert_no_error (error);
  store = sb_programme_get_store (programme);
  database = sb_programme_get_database (programme);

  g_date_clear (&created, 1);
  g_date_set_dmy (&created, 2, G_DATE_MARCH, 2024);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, G_DATE_APRIL, 2024);
  id = add_ready_base (store, &created);

  /* The rules refuse: the wrong role. */
  sb_transition_request_init (&request, SB_ACTION_SUBMIT, SB_ROLE_AUTHORITY, &today);
  g_assert_false (sb_base_store_perform (store, id, &request, &today, &error));
  g_assert_error (error, SB_LIFECYCLE_ERROR, SB_LIFECYCLE_ERROR_WRONG_ROLE);
  g_clear_error (&error);

  /* The rules allow it, but writing the transition fails after the base
   * row was already updated in the same transaction. */
  g_assert_true (sb_database_exec (database,
                                   "CREATE TEMP TRIGGER refuse_transitions"
                                   " BEFORE INSERT ON main.transitions"
                                   " BEGIN SELECT RAISE (ABORT, 'refused by the test'); END",
                                   &error));
  g_assert_no_error (error);
  sb_transition_request_init (&request, SB_ACTION_SUBMIT, SB_ROLE_APPLICANT, &today);
  g_assert_false (sb_base_store_perform (store, id, &request, &today, &error));
  g_assert_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_true (sqlite3_get_autocommit (sb_database_get_handle (database)));

  base = sb_base_store_load (store, id, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sb_base_get_state (base), ==, SB_BASE_STATE_DRAFT);
  g_assert_false (g_date_valid (&sb_base_get_facts (base)->submitted));
  g_assert_cmpint (g_date_compare (&sb_base_get_facts (base)->last_transition, &created), ==, 0);
  transitions = sb_base_store_list_transitions (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (transitions->len, ==, 0);
  g_clear_object (&base);
  g_clear_pointer (&transitions, g_ptr_array_unref);

  /* Without the trigger the same step goes through, so it was the failed
   * write that stopped it. */
  g_assert_true (sb_database_exec (database, "DROP TRIGGER temp.refuse_transitions", &error));
  g_assert_true (sb_base_store_perform (store, id, &request, &today, &error));
  g_assert_no_error (error);
  base = sb_base_store_load (store, id, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sb_base_get_state (base), ==, SB_BASE_STATE_SUBMITTED);
  transitions = sb_base_store_list_transitions (store, id, &error);
  g_assert_cmpuint (transitions->len, ==, 1);

  g_clear_object (&base);
  g_clear_object (&programme);
  remove_tree (dir);
}

/* Bad files */

static void
test_missing_file (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "nowhere", "missing.db", NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(SbDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  database = sb_database_open (path, SB_DATABASE_OPEN_FLAGS_NONE, &error);
  g_assert_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_NOT_FOUND);
  g_assert_null (database);
  g_assert_nonnull (strstr (error->message, "missing.db"));
  g_test_message ("%s", error->message);

  /* Neither the file nor its folder was created. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (parent, G_FILE_TEST_EXISTS));

  remove_tree (dir);
}

static void
test_not_a_database_text (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = path_in (dir, "notes.db");
  g_autoptr(GError) error = NULL;
  GString *text = g_string_new (NULL);

  /* More than a page, so SQLite reads a whole header's worth. */
  for (int i = 0; i < 200; i++)
    g_string_append_printf (text, "Line %d of a text file, not a database.\n", i);
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  g_string_free (text, TRUE);

  assert_open_refused (path, SB_DATABASE_OPEN_FLAGS_NONE, SB_DATABASE_ERROR_NOT_A_DATABASE);
  assert_open_refused (path, SB_DATABASE_OPEN_FLAGS_CREATE, SB_DATABASE_ERROR_NOT_A_DATABASE);

  remove_tree (dir);
}

static void
test_not_a_database_directory (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = path_in (dir, "folder.db");
  g_autoptr(SbDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  database = sb_database_open (path, SB_DATABASE_OPEN_FLAGS_CREATE, &error);
  g_assert_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, "folder.db"));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));

  remove_tree (dir);
}

/* An empty file holds no data to lose.  Asked to create, StdBase makes it a
 * new database; only asked to open, it refuses and leaves the file alone,
 * so a command that only reads never writes a database into a file.
 */
static void
test_empty_file (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = path_in (dir, "empty.db");
  g_autoptr(SbDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf buf;

  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);

  assert_open_refused (path, SB_DATABASE_OPEN_FLAGS_NONE, SB_DATABASE_ERROR_NOT_A_DATABASE);
  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpint (buf.st_size, ==, 0);

  database = sb_database_open (path, SB_DATABASE_OPEN_FLAGS_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sb_database_get_schema_version (database), ==,
                    sb_migrations_get_latest_version ());
  g_assert_cmpint (query_int (sb_database_get_handle (database),
                              "SELECT count(*) FROM domains"), ==, 12);

  g_clear_object (&database);
  remove_tree (dir);
}

static void
test_other_application (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = path_in (dir, "other.db");
  g_autofree char *empty_path = path_in (dir, "other-empty.db");
  sqlite3 *db;

  /* Someone else's tables, no application id. */
  db = raw_open (path);
  raw_exec (db, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);"
                "INSERT INTO notes (body) VALUES ('keep me')");
  sqlite3_close (db);
  assert_open_refused (path, SB_DATABASE_OPEN_FLAGS_CREATE, SB_DATABASE_ERROR_NOT_A_DATABASE);

  /* Another application's id, even with no tables yet. */
  db = raw_open (empty_path);
  raw_exec (db, "PRAGMA application_id = 1234567");
  sqlite3_close (db);
  assert_open_refused (empty_path, SB_DATABASE_OPEN_FLAGS_CREATE,
                       SB_DATABASE_ERROR_NOT_A_DATABASE);

  remove_tree (dir);
}

/* Overwrites pages @first to @last (counted from 1) of @path. */
static void
damage_pages (const char *path,
              gsize       first,
              gsize       last)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  gsize page_size;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  /* The page size is a big-endian 16-bit number at offset 16. */
  page_size = ((guchar) contents[16] << 8) | (guchar) contents[17];
  g_assert_cmpuint (page_size, >=, 512);
  g_assert_cmpuint (first, >=, 2);
  g_assert_cmpuint (last * page_size, <=, length);

  for (gsize i = (first - 1) * page_size; i < last * page_size; i++)
    contents[i] = (char) (0xa5 ^ (i % 251));
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static gsize
root_page (const char *path,
           const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rootpage FROM sqlite_master"
                                          " WHERE name = '%s'", table);
  sqlite3 *db = raw_open (path);
  gsize page = query_int (db, sql);

  sqlite3_close (db);
  g_assert_cmpuint (page, >=, 2);

  return page;
}

/* Damage in the schema, which opening reads, is refused at once. */
static void
test_corrupt_schema (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = path_in (dir, "corrupt.db");
  g_autofree char *header = NULL;
  gsize length;
  gsize pages;
  sqlite3 *db;

  make_filled_database (path, 400);
  assert_no_companions (path);

  /* Page 1 holds the top of the schema table; with StdBase's schema it is
   * an interior page (type 5), so the schema goes on in later pages. */
  g_file_get_contents (path, &header, &length, NULL);
  g_assert_cmpuint (length, >, 101);
  g_assert_cmpint (header[100], ==, 0x05);

  db = raw_open (path);
  pages = query_int (db, "PRAGMA page_count");
  sqlite3_close (db);
  damage_pages (path, 2, pages);

  assert_open_refused (path, SB_DATABASE_OPEN_FLAGS_NONE, SB_DATABASE_ERROR_CORRUPT);
  assert_open_refused (path, SB_DATABASE_OPEN_FLAGS_CREATE, SB_DATABASE_ERROR_CORRUPT);

  remove_tree (dir);
}

/* Damage in a table is not looked for on every start (it would slow down
 * opening a large programme); it is reported as CORRUPT by the first query
 * that reaches it, through the database and the base store alike, and the
 * file is not changed.
 */
static void
test_corrupt_table (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = path_in (dir, "corrupt.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  gsize bases_root;
  gsize transitions_root;

  make_filled_database (path, 400);
  bases_root = root_page (path, "bases");
  transitions_root = root_page (path, "transitions");
  damage_pages (path, bases_root, bases_root);
  damage_pages (path, transitions_root, transitions_root);
  before = file_checksum (path);

  {
    g_autoptr(SbDatabase) database = NULL;
    sqlite3_stmt *stmt;

    database = sb_database_open (path, SB_DATABASE_OPEN_FLAGS_NONE, &error);
    if (database == NULL)
      {
        g_assert_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_CORRUPT);
      }
    else
      {
        stmt = sb_database_prepare (database,
                                    "SELECT sum (length (note)) FROM transitions",
                                    &error);
        g_assert_no_error (error);
        g_assert_false (sb_database_step_done (database, stmt, &error));
        g_assert_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_CORRUPT);
      }
    g_assert_nonnull (strstr (error->message, "corrupt.db"));
    g_test_message ("%s", error->message);
    g_clear_error (&error);
  }

  {
    g_autoptr(SbProgramme) programme = NULL;
    g_autoptr(GPtrArray) bases = NULL;
    GDate today;

    g_date_clear (&today, 1);
    g_date_set_dmy (&today, 15, G_DATE_MAY, 2025);
    programme = sb_programme_open (path, SB_DATABASE_OPEN_FLAGS_NONE, &error);
    if (programme != NULL)
      bases = sb_base_store_list (sb_programme_get_store (programme), NULL, &today, &error);
    g_assert_null (bases);
    g_assert_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_CORRUPT);
    g_clear_error (&error);
  }

  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  assert_no_companions (path);

  remove_tree (dir);
}

/* Before an upgrade rewrites a file, every page of it is checked. */
static void
test_corrupt_upgrade (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = path_in (dir, "corrupt-old.db");
  g_autofree char *set_version = NULL;
  gsize transitions_root;
  sqlite3 *db;

  make_filled_database (path, 400);
  transitions_root = root_page (path, "transitions");
  damage_pages (path, transitions_root, transitions_root);

  /* An older schema version: only page 1 is written. */
  db = raw_open (path);
  set_version = g_strdup_printf ("PRAGMA user_version = %u",
                                 sb_migrations_get_latest_version () - 1);
  raw_exec (db, set_version);
  sqlite3_close (db);

  assert_open_refused (path, SB_DATABASE_OPEN_FLAGS_NONE, SB_DATABASE_ERROR_CORRUPT);

  remove_tree (dir);
}

static void
test_too_new (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = path_in (dir, "future.db");
  g_autofree char *set_version = NULL;
  g_autofree char *newer = NULL;
  g_autofree char *latest = NULL;
  g_autoptr(SbDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db;

  make_database (path);
  db = raw_open (path);
  set_version = g_strdup_printf ("PRAGMA user_version = %u",
                                 sb_migrations_get_latest_version () + 7);
  raw_exec (db, set_version);
  sqlite3_close (db);
  assert_no_companions (path);
  before = file_checksum (path);

  database = sb_database_open (path, SB_DATABASE_OPEN_FLAGS_CREATE, &error);
  g_assert_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_TOO_NEW);
  g_assert_null (database);
  g_test_message ("%s", error->message);
  newer = g_strdup_printf ("%u", sb_migrations_get_latest_version () + 7);
  latest = g_strdup_printf ("%u", sb_migrations_get_latest_version ());
  g_assert_nonnull (strstr (error->message, "future.db"));
  g_assert_nonnull (strstr (error->message, newer));
  g_assert_nonnull (strstr (error->message, latest));

  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  assert_no_companions (path);

  remove_tree (dir);
}

/* Whether the user nobody may reach @path through its folders. */
static gboolean
others_can_reach (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  while (TRUE)
    {
      g_autofree char *parent = NULL;
      GStatBuf buf;

      if (g_stat (dir, &buf) != 0 || !(buf.st_mode & S_IXOTH))
        return FALSE;
      parent = g_path_get_dirname (dir);
      if (g_str_equal (parent, dir))
        return TRUE;
      g_free (dir);
      dir = g_steal_pointer (&parent);
    }
}

/* A file StdBase may not write to is refused before anything is read
 * from it.  Root may write to any file, so when the tests run as root the
 * file is opened as the user nobody, in a subprocess.
 */
static void
test_read_only (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(SbDatabase) database = NULL;
      g_autoptr(GError) error = NULL;
      const char *child_path = g_getenv ("STDBASE_TEST_READ_ONLY_PATH");

      g_assert_nonnull (child_path);
      if (geteuid () == 0)
        {
          g_assert_cmpint (setgid (65534), ==, 0);
          g_assert_cmpint (setuid (65534), ==, 0);
        }
      g_assert_cmpint (access (child_path, W_OK), !=, 0);
      database = sb_database_open (child_path, SB_DATABASE_OPEN_FLAGS_NONE, &error);
      g_assert_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_READ_ONLY);
      g_assert_null (database);
      g_assert_nonnull (strstr (error->message, "read-only.db"));
      g_printerr ("# %s\n", error->message);
      return;
    }

  dir = make_tmp_dir ();
  path = path_in (dir, "read-only.db");
  make_database (path);
  before = file_checksum (path);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);

  if (geteuid () == 0 && !others_can_reach (path))
    {
      g_test_skip ("Running as root, and the user nobody cannot reach the temporary folder");
      remove_tree (dir);
      return;
    }

  g_setenv ("STDBASE_TEST_READ_ONLY_PATH", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_unsetenv ("STDBASE_TEST_READ_ONLY_PATH");

  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  assert_no_companions (path);

  remove_tree (dir);
}

/* Another program holds the write lock of a database in WAL mode: the
 * file opens (readers are not blocked) but a write waits for the busy
 * timeout, then fails with a message that says so; once the lock is gone,
 * the write goes through.
 */
static void
test_locked_write (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = path_in (dir, "locked.db");
  g_autoptr(SbDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  sqlite3 *other;
  gint64 start;
  gint64 waited;

  make_database (path);
  other = raw_open (path);
  raw_exec (other, "BEGIN EXCLUSIVE;"
                   " INSERT INTO settings (key, value) VALUES ('other', 'writer')");

  database = sb_database_open (path, SB_DATABASE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  value = sb_database_get_setting (database, "test");
  g_assert_cmpstr (value, ==, "kept");

  start = g_get_monotonic_time ();
  g_assert_false (sb_database_begin (database, &error));
  waited = (g_get_monotonic_time () - start) / 1000;
  g_assert_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "locked.db"));
  g_assert_nonnull (strstr (error->message, "0.3"));
  g_test_message ("%s (after %" G_GINT64_FORMAT " ms)", error->message, waited);
  g_assert_cmpint (waited, >=, TEST_BUSY_TIMEOUT_MS - 50);
  g_assert_cmpint (waited, <, 5000);
  g_clear_error (&error);

  /* A single statement outside a transaction, with a shorter timeout. */
  sb_database_set_busy_timeout (database, 50);
  g_assert_false (sb_database_exec (database,
                                    "INSERT INTO settings (key, value) VALUES ('mine', 'x')",
                                    &error));
  g_assert_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_true (sqlite3_get_autocommit (sb_database_get_handle (database)));

  raw_exec (other, "COMMIT");
  sqlite3_close (other);

  g_assert_true (sb_database_begin (database, &error));
  g_assert_true (sb_database_exec (database,
                                   "INSERT INTO settings (key, value) VALUES ('mine', 'x')",
                                   &error));
  g_assert_true (sb_database_commit (database, &error));
  g_assert_no_error (error);
  g_clear_pointer (&value, g_free);
  value = sb_database_get_setting (database, "other");
  g_assert_cmpstr (value, ==, "writer");
  g_clear_pointer (&value, g_free);
  value = sb_database_get_setting (database, "mine");
  g_assert_cmpstr (value, ==, "x");

  g_clear_object (&database);
  remove_tree (dir);
}

/* A database in rollback-journal mode (a backup, say) that another program
 * has locked exclusively cannot even be read: opening fails within the busy
 * timeout and changes nothing.
 */
static void
test_locked_open (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *source_path = path_in (dir, "source.db");
  g_autofree char *path = path_in (dir, "backup.db");
  g_autoptr(SbDatabase) source = NULL;
  g_autoptr(SbDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *journal = NULL;
  sqlite3 *other;
  gint64 start;
  gint64 waited;

  source = open_new (source_path);
  g_assert_true (sb_database_backup (source, path, &error));
  g_assert_no_error (error);
  g_clear_object (&source);
  before = file_checksum (path);

  other = raw_open (path);
  journal = query_text (other, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "delete");
  raw_exec (other, "BEGIN EXCLUSIVE");

  start = g_get_monotonic_time ();
  database = sb_database_open (path, SB_DATABASE_OPEN_FLAGS_NONE, &error);
  waited = (g_get_monotonic_time () - start) / 1000;
  g_assert_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_LOCKED);
  g_assert_null (database);
  g_assert_nonnull (strstr (error->message, "backup.db"));
  g_test_message ("%s (after %" G_GINT64_FORMAT " ms)", error->message, waited);
  g_assert_cmpint (waited, >=, TEST_BUSY_TIMEOUT_MS - 50);
  g_assert_cmpint (waited, <, 5000);
  g_clear_error (&error);

  raw_exec (other, "ROLLBACK");
  sqlite3_close (other);
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  assert_no_companions (path);

  database = sb_database_open (path, SB_DATABASE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (database);

  g_clear_object (&database);
  remove_tree (dir);
}

/* Backups */

static void
test_backup (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = path_in (dir, "live.db");
  g_autofree char *backup_path = path_in (dir, "copy.db");
  g_autofree char *partial = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *value = NULL;
  g_autoptr(SbDatabase) database = NULL;
  g_autoptr(SbDatabase) copy = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;
  gint64 bases;

  make_filled_database (path, 200);
  database = sb_database_open (path, SB_DATABASE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  db = sb_database_get_handle (database);
  bases = query_int (db, "SELECT count(*) FROM bases");
  g_assert_cmpint (bases, ==, 200);
  /* Committed to the WAL, not yet to the main file. */
  g_assert_true (sb_database_exec (database,
                                   "INSERT INTO settings (key, value) VALUES ('marker', '备份')",
                                   &error));

  /* Over an older file of the same name. */
  g_file_set_contents (backup_path, "old", -1, &error);
  g_assert_no_error (error);
  g_assert_true (sb_database_backup (database, backup_path, &error));
  g_assert_no_error (error);
  partial = g_strconcat (backup_path, ".partial", NULL);
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  assert_no_companions (backup_path);

  /* One self-contained file, in rollback-journal mode. */
  {
    sqlite3 *raw = raw_open (backup_path);

    journal = query_text (raw, "PRAGMA journal_mode");
    sqlite3_close (raw);
    g_assert_cmpstr (journal, ==, "delete");
  }

  copy = sb_database_open (backup_path, SB_DATABASE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sb_database_get_schema_version (copy), ==,
                    sb_migrations_get_latest_version ());
  value = sb_database_get_setting (copy, "marker");
  g_assert_cmpstr (value, ==, "备份");
  g_assert_cmpint (query_int (sb_database_get_handle (copy), "SELECT count(*) FROM bases"),
                   ==, bases);
  g_assert_cmpint (query_int (sb_database_get_handle (copy), "SELECT count(*) FROM transitions"),
                   ==, query_int (db, "SELECT count(*) FROM transitions"));
  g_assert_cmpint (query_int (sb_database_get_handle (copy), "SELECT count(*) FROM organisations"),
                   ==, query_int (db, "SELECT count(*) FROM organisations"));

  g_clear_object (&copy);
  g_clear_object (&database);
  remove_tree (dir);
}

static void
test_backup_failure (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = path_in (dir, "live.db");
  g_autofree char *missing_dir = path_in (dir, "no-such-folder");
  g_autofree char *backup_path = path_in (missing_dir, "copy.db");
  g_autofree char *folder_path = path_in (dir, "a-folder.db");
  g_autofree char *partial = NULL;
  g_autoptr(SbDatabase) database = open_new (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint entries = 0;

  g_assert_false (sb_database_backup (database, backup_path, &error));
  g_assert_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "copy.db"));
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_false (g_file_test (missing_dir, G_FILE_TEST_EXISTS));

  /* A folder where the backup should go is left alone. */
  g_assert_cmpint (g_mkdir (folder_path, 0700), ==, 0);
  g_assert_false (sb_database_backup (database, folder_path, &error));
  g_assert_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_FAILED);
  g_test_message ("%s", error->message);
  g_assert_true (g_file_test (folder_path, G_FILE_TEST_IS_DIR));
  partial = g_strconcat (folder_path, ".partial", NULL);
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));

  /* Nothing but the live database, its WAL set and the folder. */
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_assert_true (g_str_has_prefix (name, "live.db") || g_str_equal (name, "a-folder.db"));
      entries++;
    }
  g_assert_cmpuint (entries, >=, 2);

  g_clear_object (&database);
  remove_tree (dir);
}

/* A backup asked for in the middle of a change is refused at once (it
 * used to wait for that change forever), and works once it is saved.
 */
static void
test_backup_in_transaction (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = path_in (dir, "live.db");
  g_autofree char *backup_path = path_in (dir, "copy.db");
  g_autofree char *partial = g_strconcat (backup_path, ".partial", NULL);
  g_autoptr(SbDatabase) database = open_new (path);
  g_autoptr(SbDatabase) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  g_assert_true (sb_database_begin (database, &error));
  g_assert_true (sb_database_exec (database,
                                   "INSERT INTO settings (key, value) VALUES ('pending', 'x')",
                                   &error));
  g_assert_false (sb_database_backup (database, backup_path, &error));
  g_assert_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "copy.db"));
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_false (g_file_test (backup_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));

  g_assert_true (sb_database_commit (database, &error));
  g_assert_true (sb_database_backup (database, backup_path, &error));
  g_assert_no_error (error);
  copy = sb_database_open (backup_path, SB_DATABASE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  value = sb_database_get_setting (copy, "pending");
  g_assert_cmpstr (value, ==, "x");

  g_clear_object (&copy);
  g_clear_object (&database);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *timeout = g_strdup_printf ("%d", TEST_BUSY_TIMEOUT_MS);

  /* Before any thread exists; the locking tests rely on it. */
  g_setenv ("STDBASE_BUSY_TIMEOUT_MS", timeout, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/database/new-file", test_new_file);
  g_test_add_func ("/database/reopen", test_reopen);
  g_test_add_func ("/database/settings", test_settings);
  g_test_add_func ("/database/migrations/all-versions", test_migrations);
  g_test_add_func ("/database/migrations/failure-keeps-version", test_migration_failure);
  g_test_add_func ("/database/transaction/rollback-constraint", test_rollback_constraint);
  g_test_add_func ("/database/transaction/savepoints", test_savepoints);
  g_test_add_func ("/database/transaction/perform-refused", test_perform_refused);
  g_test_add_func ("/database/bad-file/missing", test_missing_file);
  g_test_add_func ("/database/bad-file/text", test_not_a_database_text);
  g_test_add_func ("/database/bad-file/directory", test_not_a_database_directory);
  g_test_add_func ("/database/bad-file/empty", test_empty_file);
  g_test_add_func ("/database/bad-file/other-application", test_other_application);
  g_test_add_func ("/database/bad-file/corrupt-schema", test_corrupt_schema);
  g_test_add_func ("/database/bad-file/corrupt-table", test_corrupt_table);
  g_test_add_func ("/database/bad-file/corrupt-before-upgrade", test_corrupt_upgrade);
  g_test_add_func ("/database/bad-file/too-new", test_too_new);
  g_test_add_func ("/database/bad-file/read-only", test_read_only);
  g_test_add_func ("/database/locked/write", test_locked_write);
  g_test_add_func ("/database/locked/open", test_locked_open);
  g_test_add_func ("/database/backup/copy", test_backup);
  g_test_add_func ("/database/backup/failure", test_backup_failure);
  g_test_add_func ("/database/backup/in-transaction", test_backup_in_transaction);

  return g_test_run ();
}
