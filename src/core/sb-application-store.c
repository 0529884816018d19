/* sb-application-store.c: submitting an application (申报书)
 *
 * Turns a checked form into the records migration 1 laid out for it: the
 * organisations, the base in its draft state, its tags, co-applicants,
 * conditions with their evidence, standards and attachments; then takes
 * the submit step of the life cycle, which records the date and the role,
 * and drops the draft.  All of it in one transaction: an application is
 * submitted whole or not at all.
 */
#define G_LOG_DOMAIN "sb-application-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sb-application-form.h"
#include "sb-application-store.h"
#include "sb-credit-code.h"
#include "sb-document-store.h"
#include "sb-draft.h"
#include "sb-statistics.h"

G_DEFINE_QUARK (sb-application-error-quark, sb_application_error)

/* organisations.credit_code is unique: a unit that applied before, or
 * co-builds another base, is the same row. */
static gint64
find_or_add_unit (SbBaseStore  *store,
                  GHashTable   *values,
                  const char   *prefix,
                  GError      **error)
{
  SbDatabase *database = sb_base_store_get_database (store);
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  const char *kind;

  SbOrganisationInput input = { 0 };
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;


  {
    g_autofree char *key = g_strconcat (prefix, ".code", NULL);

    code = sb_credit_code_normalise (sb_form_get (values, key));
  }

  stmt = sb_database_prepare (database, "SELECT id FROM organisations WHERE credit_code = ?", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  if (!sb_database_finish_rows (database, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, error))
    return 0;
  if (id > 0)
    return id;

  {
    g_autofree char *k_name = g_strconcat (prefix, ".name", NULL);
    g_autofree char *k_kind = g_strconcat (prefix, ".kind", NULL);
    g_autofree char *k_legal = g_strconcat (prefix, ".legal", NULL);
    g_autofree char *k_address = g_strconcat (prefix, ".address", NULL);
    g_autofree char *k_contact = g_strconcat (prefix, ".contact", NULL);
    g_autofree char *k_phone = g_strconcat (prefix, ".phone", NULL);
    g_autofree char *k_email = g_strconcat (prefix, ".email", NULL);
    g_autofree char *address = g_strstrip (g_strdup (sb_form_get (values, k_address)));
    g_autofree char *contact = g_strstrip (g_strdup (sb_form_get (values, k_contact)));
    g_autofree char *phone = g_strstrip (g_strdup (sb_form_get (values, k_phone)));
    g_autofree char *email = g_strstrip (g_strdup (sb_form_get (values, k_email)));

    name = g_strstrip (g_strdup (sb_form_get (values, k_name)));
    kind = sb_form_get (values, k_kind);
    input.name = name;
    input.credit_code = code;
    input.kind = g_strcmp0 (kind, "institution") == 0 ? "institution" : "enterprise";
    input.legal_person = g_strcmp0 (sb_form_get (values, k_legal), "1") == 0;
    input.address = address;
    input.contact_name = contact;
    input.contact_phone = phone;
    input.contact_email = email[0] != '\0' ? email : NULL;

    return sb_base_store_add_organisation (store, &input, error);
  }
}

static gboolean
exec_with_ids (SbDatabase  *database,
               const char  *sql,
               gint64       a,
               gint64       b,
               GError     **error)
{
  sqlite3_stmt *stmt = sb_database_prepare (database, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);

  return sb_database_step_done (database, stmt, error);
}

static gboolean
write_application (SbBaseStore  *store,
                   gint64        base_id,
                   GHashTable   *values,
                   GError      **error)
{
  SbDatabase *database = sb_base_store_get_database (store);
  g_auto(GStrv) tags = g_strsplit (sb_form_get (values, "tags"), ",", -1);
  g_autoptr(GArray) attachments = sb_form_get_ids (values, "attachments");
  guint co_count = sb_form_get_count (values, "co.count");
  guint std_count = sb_form_get_count (values, "std.count");
  sqlite3_stmt *stmt;

  for (guint i = 0; tags[i] != NULL; i++)
    if (tags[i][0] != '\0' && !sb_base_store_add_tag (store, base_id, tags[i], error))
      return FALSE;

  for (guint i = 0; i < co_count; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("co.%u", i);
      gint64 unit = find_or_add_unit (store, values, prefix, error);

      if (unit == 0 || !sb_base_store_add_unit (store, base_id, unit, "co_applicant", error))
        return FALSE;
    }

  stmt = sb_database_prepare (database,
                              "INSERT INTO applications (base_id, research_capability,"
                              " service_capability, recommendation) VALUES (?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, base_id);
  sqlite3_bind_text (stmt, 2, sb_form_get (values, "research"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, sb_form_get (values, "service"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, sb_form_get (values, "recommendation"), -1, SQLITE_TRANSIENT);
  if (!sb_database_step_done (database, stmt, error))
    return FALSE;

  for (int c = 1; c <= SB_APPLICATION_CONDITIONS; c++)
    {
      g_autofree char *key = g_strdup_printf ("cond.%d.statement", c);
      g_autofree char *docs_key = g_strdup_printf ("cond.%d.docs", c);
      g_autoptr(GArray) docs = sb_form_get_ids (values, docs_key);

      if (!sb_base_store_set_condition (store, base_id, c, sb_form_get (values, key), error))
        return FALSE;

      for (guint i = 0; i < docs->len; i++)
        {
          gint64 doc = g_array_index (docs, gint64, i);

          if (!exec_with_ids (database, "UPDATE documents SET base_id = ?1 WHERE id = ?2",
                              base_id, doc, error))
            return FALSE;
          stmt = sb_database_prepare (database,
                                      "INSERT OR IGNORE INTO condition_documents"
                                      " (base_id, condition, document_id) VALUES (?, ?, ?)",
                                      error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, base_id);
          sqlite3_bind_int (stmt, 2, c);
          sqlite3_bind_int64 (stmt, 3, doc);
          if (!sb_database_step_done (database, stmt, error))
            return FALSE;
        }
    }

  for (guint i = 0; i < std_count; i++)
    {
      const char *designation = sb_form_get_indexed (values, "std", i, "designation");

      if (sb_form_is_blank (designation))
        continue;
      if (!sb_base_store_add_standard (store, base_id, designation,
                                       sb_form_get_indexed (values, "std", i, "title"),
                                       sb_form_get_indexed (values, "std", i, "role"),
                                       "application", error))
        return FALSE;
    }

  for (guint i = 0; i < attachments->len; i++)
    if (!exec_with_ids (database, "UPDATE documents SET base_id = ?1 WHERE id = ?2",
                        base_id, g_array_index (attachments, gint64, i), error))
      return FALSE;

  return TRUE;
}

/**
 * sb_application_submit:
 * @values: the form, as sb-application-form.h describes it
 * @draft_id: the draft it came from, deleted once submitted, or 0
 * @actor: (nullable): who submits, for the record
 * @today: the date of submission
 *
 * Checks the form, records the application and submits it (Art. 13).
 *
 * Returns: the new base's id, or 0 with @error set
 */
gint64
sb_application_submit (SbBaseStore  *store,
                       GHashTable   *values,
                       gint64        draft_id,
                       const char   *actor,
                       const GDate  *today,
                       GError      **error)
{
  SbDatabase *database;
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *short_zh = NULL;
  g_autofree char *short_en = NULL;
  SbTransitionRequest request;
  gint64 lead_id, base_id;

  g_return_val_if_fail (SB_IS_BASE_STORE (store), 0);
  g_return_val_if_fail (values != NULL, 0);
  g_return_val_if_fail (today != NULL && g_date_valid (today), 0);

  errors = sb_application_form_check (values);
  if (errors->len > 0)
    {
      const SbFieldError *first = g_ptr_array_index (errors, 0);

      g_set_error (error, SB_APPLICATION_ERROR, SB_APPLICATION_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The application cannot be submitted yet: %s",
                                "The application cannot be submitted yet: %s (and %u more)",
                                errors->len),
                   first->message, errors->len - 1);
      return 0;
    }

  database = sb_base_store_get_database (store);
  short_zh = g_strstrip (g_strdup (sb_form_get (values, "short_zh")));
  short_en = g_strstrip (g_strdup (sb_form_get (values, "short_en")));

  if (!sb_database_begin (database, error))
    return 0;

  lead_id = find_or_add_unit (store, values, "lead", error);
  if (lead_id == 0)
    goto failed;

  base_id = sb_base_store_create_base (store, short_zh, short_en, sb_form_get (values, "domain"),
                                       lead_id,
                                       g_ascii_strtoll (sb_form_get (values, "recommender"), NULL, 10),
                                       NULL, today, error);
  if (base_id == 0
      || !exec_with_ids (database,
                         "UPDATE bases SET city_code = (SELECT code FROM cities WHERE code ="
                         " (SELECT city_code FROM organisations WHERE id = ?2)) WHERE id = ?1",
                         base_id, lead_id, error)
      || !write_application (store, base_id, values, error))
    goto failed;

  sb_transition_request_init (&request, SB_ACTION_SUBMIT, SB_ROLE_APPLICANT, today);
  request.actor = actor;
  if (!sb_base_store_perform (store, base_id, &request, today, error))
    goto failed;

  if (draft_id > 0 && !sb_draft_delete (database, draft_id, error))
    goto failed;

  if (!sb_database_commit (database, error))
    return 0;

  return base_id;

failed:
  sb_database_rollback (database);
  return 0;
}

/**
 * sb_application_list_documents:
 * @ids: (element-type gint64): documents of the document store
 *
 * Returns: (transfer full) (element-type SbApplicationDocument): those of
 *   @ids that exist, in the order of @ids
 */
GPtrArray *
sb_application_list_documents (SbDatabase  *database,
                               GArray      *ids,
                               GError     **error)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_application_document_free);

  g_return_val_if_fail (SB_IS_DATABASE (database), NULL);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      sqlite3_stmt *stmt;
      int rc;

      stmt = sb_database_prepare (database,
                                  "SELECT file_name, size, pages FROM documents WHERE id = ?",
                                  error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          SbApplicationDocument *document = g_new0 (SbApplicationDocument, 1);

          document->id = id;
          document->file_name = sb_column_dup_text (stmt, 0);
          document->size = sqlite3_column_int64 (stmt, 1);
          document->pages = sqlite3_column_int (stmt, 2);
          g_ptr_array_add (documents, document);
          rc = SQLITE_DONE;
        }
      if (!sb_database_finish_rows (database, stmt, rc, error))
        return NULL;
    }

  for (guint i = 0; i < documents->len; i++)
    {
      SbApplicationDocument *document = g_ptr_array_index (documents, i);

      document->path = sb_document_store_get_path (database, document->id, NULL);
    }

  return g_steal_pointer (&documents);
}

/**
 * sb_application_list_recommenders:
 *
 * The industry departments and city or zone standardisation authorities
 * that recommend applications (Art. 13).
 *
 * Returns: (transfer full) (element-type SbReference): code is the
 *   organisation's id; both names are its name
 */
GArray *
sb_application_list_recommenders (SbDatabase  *database,
                                  GError     **error)
{
  g_autoptr(GArray) list = g_array_new (FALSE, TRUE, sizeof (SbReference));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SB_IS_DATABASE (database), NULL);

  g_array_set_clear_func (list, (GDestroyNotify) sb_reference_clear);
  stmt = sb_database_prepare (database,
                              "SELECT id, name FROM organisations"
                              " WHERE kind IN ('industry_department', 'city_authority')"
                              " ORDER BY kind DESC, id",
                              error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SbReference reference;

      reference.code = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 0));
      reference.name_zh = sb_column_dup_text (stmt, 1);
      reference.name_en = g_strdup (reference.name_zh);
      g_array_append_val (list, reference);
    }
  if (!sb_database_finish_rows (database, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&list);
}

void
sb_application_document_free (SbApplicationDocument *document)
{
  g_free (document->file_name);
  g_free (document->path);
  g_free (document);
}
