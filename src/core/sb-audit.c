/* sb-audit.c: the append-only, hash-chained audit log
 *
 * Triggers on every audited table (sb-migrations.c) append one entry per
 * inserted, updated or deleted row.  Each entry's hash is the SHA-256 of the
 * previous entry's hash and the entry's own fields, so nobody can change,
 * remove, insert or reorder an entry without breaking the chain from there
 * on.  What the chain cannot show is the loss of the newest entries: for
 * that, verification reports the head (last sequence number and hash) for
 * the authority to note down outside the database.
 */

#define G_LOG_DOMAIN "sb-audit"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <nettle/sha2.h>
#include <string.h>

#include "sb-audit.h"

#define FIELD_SEPARATOR '\x1f'

/* Nettle rather than GChecksum: it uses the CPU's SHA instructions, which
 * makes verifying a million entries several times faster. */
void
sb_audit_compute_hash (const char *prev_hash,
                       gint64      seq,
                       const char *recorded_at,
                       const char *actor,
                       const char *role,
                       const char *entity,
                       const char *operation,
                       const char *base_id,
                       const char *payload,
                       char        out_hex[65])
{
  static const char hex_digits[] = "0123456789abcdef";
  const char *fields[] = { recorded_at, actor, role, entity, operation, base_id, payload };
  const guint8 separator = FIELD_SEPARATOR;
  struct sha256_ctx context;
  guint8 digest[SHA256_DIGEST_SIZE];
  char seq_text[24];

  g_snprintf (seq_text, sizeof seq_text, "%" G_GINT64_FORMAT, seq);

  sha256_init (&context);
  if (prev_hash != NULL)
    sha256_update (&context, strlen (prev_hash), (const guint8 *) prev_hash);
  sha256_update (&context, 1, &separator);
  sha256_update (&context, strlen (seq_text), (const guint8 *) seq_text);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      sha256_update (&context, 1, &separator);
      if (fields[i] != NULL)
        sha256_update (&context, strlen (fields[i]), (const guint8 *) fields[i]);
    }
  sha256_digest (&context, sizeof digest, digest);

  for (guint i = 0; i < sizeof digest; i++)
    {
      out_hex[2 * i] = hex_digits[digest[i] >> 4];
      out_hex[2 * i + 1] = hex_digits[digest[i] & 0xf];
    }
  out_hex[64] = '\0';
}

/* sb_audit_hash (prev, seq, recorded_at, actor, role, entity, operation,
 * base_id, payload): the hash of a new entry, for the triggers. */
static void
audit_hash_function (sqlite3_context  *context,
                     int               argc,
                     sqlite3_value   **argv)
{
  const char *text[9];
  char hex[65];

  g_assert (argc == 9);
  for (int i = 0; i < argc; i++)
    text[i] = (const char *) sqlite3_value_text (argv[i]);

  sb_audit_compute_hash (text[0], sqlite3_value_int64 (argv[1]), text[2], text[3],
                         text[4], text[5], text[6], text[7], text[8], hex);
  sqlite3_result_text (context, hex, 64, SQLITE_TRANSIENT);
}

void
sb_audit_register_functions (sqlite3 *db)
{
  sqlite3_create_function (db, "sb_audit_hash", 9,
                           SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                           NULL, audit_hash_function, NULL, NULL);
}

/* An entry made by the application itself rather than by a trigger: a
 * bulk load that says what it wrote.  @base_id is 0 for none. */
gboolean
sb_audit_append (SbDatabase  *db,
                 const char  *entity,
                 const char  *operation,
                 gint64       base_id,
                 const char  *payload,
                 GError     **error)
{
  static const char sql[] =
    "INSERT INTO audit_log (seq, recorded_at, actor, role, entity, operation, base_id, payload, hash)"
    " SELECT seq, at, actor, role, ?1, ?2, ?3, ?4,"
    "  sb_audit_hash (prev, seq, at, actor, role, ?1, ?2, ?3, ?4)"
    " FROM (SELECT IFNULL ((SELECT seq FROM audit_log ORDER BY seq DESC LIMIT 1), 0) + 1 AS seq,"
    "  strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at,"
    "  sb_audit_actor () AS actor, sb_audit_role () AS role,"
    "  (SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1) AS prev)";
  sqlite3_stmt *stmt = sb_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, operation, -1, SQLITE_TRANSIENT);
  if (base_id > 0)
    sqlite3_bind_int64 (stmt, 3, base_id);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_text (stmt, 4, payload, -1, SQLITE_TRANSIENT);

  return sb_database_step_done (db, stmt, error);
}

gboolean
sb_audit_verify (SbDatabase     *db,
                 SbAuditReport  *report,
                 GError        **error)
{
  static const char sql[] =
    "SELECT seq, recorded_at, actor, role, entity, operation, base_id, payload, hash"
    " FROM audit_log ORDER BY seq";
  sqlite3_stmt *stmt;
  char prev_hash[65] = "";
  gint64 expected_seq = 1;
  int rc;

  g_return_val_if_fail (SB_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  memset (report, 0, sizeof *report);
  report->verdict = SB_AUDIT_INTACT;

  stmt = sb_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 0);
      const char *stored = (const char *) sqlite3_column_text (stmt, 8);
      char computed[65];

      report->n_entries++;

      if (seq != expected_seq)
        {
          report->verdict = expected_seq == 1 ? SB_AUDIT_BAD_START : SB_AUDIT_MISSING;
          report->bad_seq = expected_seq;
          break;
        }

      sb_audit_compute_hash (prev_hash, seq,
                             (const char *) sqlite3_column_text (stmt, 1),
                             (const char *) sqlite3_column_text (stmt, 2),
                             (const char *) sqlite3_column_text (stmt, 3),
                             (const char *) sqlite3_column_text (stmt, 4),
                             (const char *) sqlite3_column_text (stmt, 5),
                             (const char *) sqlite3_column_text (stmt, 6),
                             (const char *) sqlite3_column_text (stmt, 7),
                             computed);
      if (stored == NULL || strcmp (stored, computed) != 0)
        {
          report->verdict = SB_AUDIT_CHANGED;
          report->bad_seq = seq;
          break;
        }

      memcpy (prev_hash, computed, sizeof prev_hash);
      report->head_seq = seq;
      expected_seq = seq + 1;
    }

  if (report->verdict == SB_AUDIT_INTACT && report->n_entries == 0)
    {
      report->verdict = SB_AUDIT_BAD_START;
      report->bad_seq = 1;
    }
  memcpy (report->head_hash, prev_hash, sizeof report->head_hash);

  return sb_database_finish_rows (db, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, error);
}

char *
sb_audit_describe_report (const SbAuditReport *report)
{
  /* Numbers as text: a G_GINT64_FORMAT inside a message hides it from
   * xgettext. */
  g_autofree char *count = g_strdup_printf ("%" G_GUINT64_FORMAT, report->n_entries);
  g_autofree char *head = g_strdup_printf ("%" G_GINT64_FORMAT, report->head_seq);
  g_autofree char *bad = g_strdup_printf ("%" G_GINT64_FORMAT, report->bad_seq);

  switch (report->verdict)
    {
    case SB_AUDIT_INTACT:
      return g_strdup_printf (_("The audit log is intact: %s entries; the last is "
                                "number %s with hash %s."),
                              count, head, report->head_hash);
    case SB_AUDIT_MISSING:
      return g_strdup_printf (_("Entry %s of the audit log is missing: it has been deleted."),
                              bad);
    case SB_AUDIT_CHANGED:
      return g_strdup_printf (_("Entry %s of the audit log has been changed, moved or "
                                "inserted: its hash does not follow from the entries "
                                "before it."),
                              bad);
    case SB_AUDIT_BAD_START:
      return g_strdup (_("The audit log does not begin with its first entry: "
                         "the start of the log has been deleted."));
    default:
      g_assert_not_reached ();
    }
}

static void
append_csv_field (GString    *line,
                  const char *value)
{
  if (value == NULL)
    return;
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (line, value);
      return;
    }

  g_string_append_c (line, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

/* RFC 4180 CSV with a header row, in the order the entries were made. */
gboolean
sb_audit_export_csv (SbDatabase     *db,
                     GOutputStream  *out,
                     GCancellable   *cancellable,
                     GError        **error)
{
  static const char sql[] =
    "SELECT seq, recorded_at, actor, role, entity, operation, base_id, payload, hash"
    " FROM audit_log ORDER BY seq";
  g_autoptr(GString) line = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;

  g_string_append (line, "seq,recorded_at,actor,role,entity,operation,base_id,payload,hash\r\n");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int column = 0; column < 9; column++)
        {
          if (column > 0)
            g_string_append_c (line, ',');
          append_csv_field (line, (const char *) sqlite3_column_text (stmt, column));
        }
      g_string_append (line, "\r\n");

      if (line->len > 64 * 1024)
        {
          if (!g_output_stream_write_all (out, line->str, line->len, NULL,
                                          cancellable, error))
            {
              sqlite3_reset (stmt);
              return FALSE;
            }
          g_string_truncate (line, 0);
        }
    }
  if (!sb_database_finish_rows (db, stmt, rc, error))
    return FALSE;

  return g_output_stream_write_all (out, line->str, line->len, NULL, cancellable, error);
}
