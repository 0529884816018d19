/* sb-base-details.c: what a base's page shows beyond SbBase
 *
 * One indexed query per kind of detail; together they take well under a
 * millisecond for a base of the demonstration programme, so a page may
 * read them on the thread that owns the database.
 */
#define G_LOG_DOMAIN "sb-base-details"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-base-details.h"
#include "sb-date.h"
#include "sb-document-store.h"
#include "sb-locale.h"

static const struct
{
  const char *id;
  const char *label;
} unit_roles[SB_N_UNIT_ROLES] = {
  [SB_UNIT_ROLE_LEAD] = { "lead", N_("Lead unit") },
  [SB_UNIT_ROLE_CO_APPLICANT] = { "co_applicant", N_("Co-applicant") },
  [SB_UNIT_ROLE_CO_BUILDER] = { "co_builder", N_("Co-builder") },
  [SB_UNIT_ROLE_RECOMMENDER] = { "recommender", N_("Recommender") },
};

/* Helpers */




static gboolean
unit_role_from_string (const char *text,
                       SbUnitRole *role)
{
  for (guint i = 0; i < SB_N_UNIT_ROLES; i++)
    {
      if (g_strcmp0 (unit_roles[i].id, text) == 0)
        {
          *role = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Public API */

const char *
sb_unit_role_to_string (SbUnitRole role)
{
  g_return_val_if_fail (role < SB_N_UNIT_ROLES, NULL);

  return unit_roles[role].id;
}

const char *
sb_unit_role_get_label (SbUnitRole role)
{
  g_return_val_if_fail (role < SB_N_UNIT_ROLES, NULL);

  return _(unit_roles[role].label);
}

/**
 * sb_annual_figures_get_standards:
 *
 * Returns: the standards of every level a report counts
 */
int
sb_annual_figures_get_standards (const SbAnnualFigures *figures)
{
  int total = 0;

  g_return_val_if_fail (figures != NULL, 0);

  for (guint i = 0; i < G_N_ELEMENTS (figures->standards); i++)
    total += figures->standards[i];

  return total;
}

/**
 * sb_base_assessment_get_total:
 *
 * Returns: the sum of the three areas of Art. 36, or 0 without scores
 */
double
sb_base_assessment_get_total (const SbBaseAssessment *assessment)
{
  g_return_val_if_fail (assessment != NULL, 0);

  if (!assessment->has_scores)
    return 0;

  return assessment->score_service + assessment->score_team + assessment->score_cooperation;
}

/**
 * sb_base_details_list_units:
 *
 * Returns: (transfer full) (element-type SbBaseUnit): the lead unit, the
 *   co-applicants and co-builders in the order they were added, then the
 *   recommender; %NULL on error
 */
GPtrArray *
sb_base_details_list_units (SbDatabase  *database,
                            gint64       base_id,
                            GError     **error)
{
  g_autoptr(GPtrArray) units = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SB_IS_DATABASE (database), NULL);

  stmt = sb_database_prepare (database,
                              "SELECT o.id, u.role, o.name, o.credit_code, o.kind,"
                              "  o.legal_person, o.address, o.contact_name,"
                              "  o.contact_phone, o.contact_email FROM ("
                              "   SELECT lead_unit_id AS organisation_id, 'lead' AS role,"
                              "    0 AS rank, 0 AS position FROM bases WHERE id = ?1"
                              "   UNION ALL"
                              "   SELECT organisation_id, role,"
                              "    CASE role WHEN 'co_applicant' THEN 1 ELSE 2 END, position"
                              "    FROM base_units WHERE base_id = ?1"
                              "   UNION ALL"
                              "   SELECT recommender_id, 'recommender', 3, 0 FROM bases WHERE id = ?1"
                              "  ) u JOIN organisations o ON o.id = u.organisation_id"
                              " ORDER BY u.rank, u.position, o.id",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, base_id);
  units = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_base_unit_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SbBaseUnit *unit = g_new0 (SbBaseUnit, 1);

      unit->id = sqlite3_column_int64 (stmt, 0);
      if (!unit_role_from_string ((const char *) sqlite3_column_text (stmt, 1), &unit->role))
        unit->role = SB_UNIT_ROLE_CO_BUILDER;
      unit->name = sb_column_dup_text (stmt, 2);
      unit->credit_code = sb_column_dup_text (stmt, 3);
      unit->kind = sb_column_dup_text (stmt, 4);
      unit->legal_person = sqlite3_column_int (stmt, 5);
      unit->address = sb_column_dup_text (stmt, 6);
      unit->contact_name = sb_column_dup_text (stmt, 7);
      unit->contact_phone = sb_column_dup_text (stmt, 8);
      unit->contact_email = sb_column_dup_text (stmt, 9);
      g_ptr_array_add (units, unit);
    }

  if (!sb_database_finish_rows (database, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&units);
}

/**
 * sb_base_details_list_tag_names:
 *
 * Returns: (transfer full): the names of the base's six-new tags, in the
 *   language the locale prefers, in the order of the reference data; an
 *   empty vector if it has none, %NULL on error
 */
GStrv
sb_base_details_list_tag_names (SbDatabase  *database,
                                gint64       base_id,
                                GError     **error)
{
  g_autoptr(GStrvBuilder) names = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SB_IS_DATABASE (database), NULL);

  stmt = sb_database_prepare (database,
                              "SELECT t.name_zh, t.name_en FROM base_tags bt"
                              " JOIN tags t ON t.id = bt.tag_id WHERE bt.base_id = ?"
                              " ORDER BY t.position, t.id",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, base_id);
  names = g_strv_builder_new ();
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (names, sb_locale_pick ((const char *) sqlite3_column_text (stmt, 0),
                                               (const char *) sqlite3_column_text (stmt, 1)));

  if (!sb_database_finish_rows (database, stmt, rc, error))
    return NULL;

  return g_strv_builder_end (names);
}

/**
 * sb_base_details_list_standards:
 *
 * Returns: (transfer full) (element-type SbBaseStandard): the standards
 *   named in the application, then those the base produced, each newest
 *   first; %NULL on error
 */
GPtrArray *
sb_base_details_list_standards (SbDatabase  *database,
                                gint64       base_id,
                                GError     **error)
{
  g_autoptr(GPtrArray) standards = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SB_IS_DATABASE (database), NULL);

  stmt = sb_database_prepare (database,
                              "SELECT id, designation, title, level, role, source, year"
                              " FROM standards WHERE base_id = ?"
                              " ORDER BY source = 'produced', year DESC, designation",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, base_id);
  standards = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_base_standard_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SbBaseStandard *standard = g_new0 (SbBaseStandard, 1);

      standard->id = sqlite3_column_int64 (stmt, 0);
      standard->designation = sb_column_dup_text (stmt, 1);
      standard->title = sb_column_dup_text (stmt, 2);
      if (!sb_standard_level_from_string ((const char *) sqlite3_column_text (stmt, 3),
                                          &standard->level))
        standard->level = SB_STANDARD_LEVEL_GROUP;
      standard->led = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 4), "led") == 0;
      standard->produced = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 5), "produced") == 0;
      standard->year = sqlite3_column_int (stmt, 6);
      g_ptr_array_add (standards, standard);
    }

  if (!sb_database_finish_rows (database, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&standards);
}

/**
 * sb_base_details_list_documents:
 *
 * Returns: (transfer full) (element-type SbBaseDocument): the PDFs kept
 *   for the base, oldest first, each with the path of its stored copy;
 *   %NULL on error
 */
GPtrArray *
sb_base_details_list_documents (SbDatabase  *database,
                                gint64       base_id,
                                GError     **error)
{
  g_autoptr(GPtrArray) documents = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SB_IS_DATABASE (database), NULL);

  stmt = sb_database_prepare (database,
                              "SELECT id, file_name, kind, size, pages, added_at"
                              " FROM documents WHERE base_id = ? ORDER BY added_at, id",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, base_id);
  documents = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_base_document_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SbBaseDocument *document = g_new0 (SbBaseDocument, 1);

      document->id = sqlite3_column_int64 (stmt, 0);
      document->file_name = sb_column_dup_text (stmt, 1);
      document->kind = sb_column_dup_text (stmt, 2);
      document->size = sqlite3_column_int64 (stmt, 3);
      document->pages = sqlite3_column_int (stmt, 4);
      document->added_at = sb_column_dup_text (stmt, 5);
      g_ptr_array_add (documents, document);
    }

  if (!sb_database_finish_rows (database, stmt, rc, error))
    return NULL;

  /* Its own statement: resolved after the rows above are read. */
  for (guint i = 0; i < documents->len; i++)
    {
      SbBaseDocument *document = g_ptr_array_index (documents, i);

      document->path = sb_document_store_get_path (database, document->id, error);
      if (document->path == NULL)
        return NULL;
    }

  return g_steal_pointer (&documents);
}

/**
 * sb_base_details_list_reports:
 *
 * Returns: (transfer full) (element-type SbBaseReport): the annual
 *   self-inspection reports (Art. 24, 35), newest year first; %NULL on
 *   error
 */
GArray *
sb_base_details_list_reports (SbDatabase  *database,
                              gint64       base_id,
                              GError     **error)
{
  g_autoptr(GArray) reports = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SB_IS_DATABASE (database), NULL);

  stmt = sb_database_prepare (database,
                              "SELECT year, submitted_date, standards_international,"
                              " standards_national, standards_industry, standards_local,"
                              " standards_group, proposals, awards_applied, awards_won,"
                              " entrusted_tasks, smes_served, training_sessions,"
                              " people_trained, open_days, international_roles, patents,"
                              " document_id"
                              " FROM annual_reports WHERE base_id = ? ORDER BY year DESC",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, base_id);
  reports = g_array_new (FALSE, TRUE, sizeof (SbBaseReport));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SbBaseReport report = { 0 };
      SbAnnualFigures *f = &report.figures;
      int column = 2;

      report.year = sqlite3_column_int (stmt, 0);
      sb_column_get_date (stmt, 1, &report.submitted);
      for (guint i = 0; i < G_N_ELEMENTS (f->standards); i++)
        f->standards[i] = sqlite3_column_int (stmt, column++);
      f->proposals = sqlite3_column_int (stmt, column++);
      f->awards_applied = sqlite3_column_int (stmt, column++);
      f->awards_won = sqlite3_column_int (stmt, column++);
      f->entrusted_tasks = sqlite3_column_int (stmt, column++);
      f->smes_served = sqlite3_column_int (stmt, column++);
      f->training_sessions = sqlite3_column_int (stmt, column++);
      f->people_trained = sqlite3_column_int (stmt, column++);
      f->open_days = sqlite3_column_int (stmt, column++);
      f->international_roles = sqlite3_column_int (stmt, column++);
      f->patents = sqlite3_column_int (stmt, column++);
      report.document_id = sqlite3_column_int64 (stmt, column);
      g_array_append_val (reports, report);
    }

  if (!sb_database_finish_rows (database, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&reports);
}

/**
 * sb_base_details_list_assessments:
 *
 * Returns: (transfer full) (element-type SbBaseAssessment): the annual
 *   assessments (Art. 36), newest year first; %NULL on error
 */
GPtrArray *
sb_base_details_list_assessments (SbDatabase  *database,
                                  gint64       base_id,
                                  GError     **error)
{
  g_autoptr(GPtrArray) assessments = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SB_IS_DATABASE (database), NULL);

  stmt = sb_database_prepare (database,
                              "SELECT year, date, score_service, score_team,"
                              " score_cooperation, passed, comments"
                              " FROM assessments WHERE base_id = ? ORDER BY year DESC",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, base_id);
  assessments = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_base_assessment_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SbBaseAssessment *assessment = g_new0 (SbBaseAssessment, 1);

      assessment->year = sqlite3_column_int (stmt, 0);
      sb_column_get_date (stmt, 1, &assessment->date);
      assessment->has_scores = sqlite3_column_type (stmt, 2) != SQLITE_NULL
                               && sqlite3_column_type (stmt, 3) != SQLITE_NULL
                               && sqlite3_column_type (stmt, 4) != SQLITE_NULL;
      assessment->score_service = sqlite3_column_double (stmt, 2);
      assessment->score_team = sqlite3_column_double (stmt, 3);
      assessment->score_cooperation = sqlite3_column_double (stmt, 4);
      assessment->passed = sqlite3_column_int (stmt, 5);
      assessment->comments = sb_column_dup_text (stmt, 6);
      g_ptr_array_add (assessments, assessment);
    }

  if (!sb_database_finish_rows (database, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&assessments);
}

/**
 * sb_base_details_load:
 *
 * Reads every detail of base @base_id.  A base that does not exist has
 * none: this does not check that it does (sb_base_store_load() does).
 *
 * Returns: (transfer full): the details, or %NULL on error
 */
SbBaseDetails *
sb_base_details_load (SbDatabase  *database,
                      gint64       base_id,
                      GError     **error)
{
  g_autoptr(SbBaseDetails) details = g_new0 (SbBaseDetails, 1);

  g_return_val_if_fail (SB_IS_DATABASE (database), NULL);

  if ((details->units = sb_base_details_list_units (database, base_id, error)) == NULL
      || (details->tag_names = sb_base_details_list_tag_names (database, base_id, error)) == NULL
      || (details->standards = sb_base_details_list_standards (database, base_id, error)) == NULL
      || (details->documents = sb_base_details_list_documents (database, base_id, error)) == NULL
      || (details->reports = sb_base_details_list_reports (database, base_id, error)) == NULL
      || (details->assessments = sb_base_details_list_assessments (database, base_id, error)) == NULL)
    return NULL;

  return g_steal_pointer (&details);
}

void
sb_base_details_free (SbBaseDetails *details)
{
  if (details == NULL)
    return;

  g_clear_pointer (&details->units, g_ptr_array_unref);
  g_clear_pointer (&details->tag_names, g_strfreev);
  g_clear_pointer (&details->standards, g_ptr_array_unref);
  g_clear_pointer (&details->documents, g_ptr_array_unref);
  g_clear_pointer (&details->reports, g_array_unref);
  g_clear_pointer (&details->assessments, g_ptr_array_unref);
  g_free (details);
}

void
sb_base_unit_free (SbBaseUnit *unit)
{
  if (unit == NULL)
    return;

  g_free (unit->name);
  g_free (unit->credit_code);
  g_free (unit->kind);
  g_free (unit->address);
  g_free (unit->contact_name);
  g_free (unit->contact_phone);
  g_free (unit->contact_email);
  g_free (unit);
}

void
sb_base_standard_free (SbBaseStandard *standard)
{
  if (standard == NULL)
    return;

  g_free (standard->designation);
  g_free (standard->title);
  g_free (standard);
}

void
sb_base_document_free (SbBaseDocument *document)
{
  if (document == NULL)
    return;

  g_free (document->file_name);
  g_free (document->kind);
  g_free (document->added_at);
  g_free (document->path);
  g_free (document);
}

void
sb_base_assessment_free (SbBaseAssessment *assessment)
{
  if (assessment == NULL)
    return;

  g_free (assessment->comments);
  g_free (assessment);
}
