/* sb-formal-review.c: the checklist of the formal review (Art. 14)
 *
 * The technical institution checks an application against the conditions
 * of Art. 11 and the requirements of Art. 12 and 13 before the experts see
 * it.  The checklist says, item by item, what the application holds; the
 * reviewer decides, and a return lists the items found wanting so the
 * applicant knows what to correct.
 */

#define G_LOG_DOMAIN "sb-formal-review"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-base-details.h"
#include "sb-credit-code.h"
#include "sb-formal-review.h"

static void
add_item (GPtrArray  *items,
          const char *label,
          gboolean    satisfied,
          char       *finding)
{
  SbChecklistItem *item = g_new0 (SbChecklistItem, 1);

  item->label = g_strdup (label);
  item->satisfied = satisfied;
  item->finding = finding;
  g_ptr_array_add (items, item);
}

static gboolean
query_condition (SbDatabase  *database,
                 gint64       base_id,
                 int          condition,
                 gboolean    *has_statement,
                 int         *n_documents,
                 GError     **error)
{
  static const char sql[] =
    "SELECT IFNULL ((SELECT length (trim (statement)) > 0 FROM application_conditions"
    "   WHERE base_id = ?1 AND condition = ?2), 0),"
    " (SELECT count(*) FROM condition_documents WHERE base_id = ?1 AND condition = ?2)";
  sqlite3_stmt *stmt = sb_database_prepare (database, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, base_id);
  sqlite3_bind_int (stmt, 2, condition);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *has_statement = sqlite3_column_int (stmt, 0);
      *n_documents = sqlite3_column_int (stmt, 1);
    }

  return sb_database_finish_rows (database, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, error);
}

/**
 * sb_formal_review_check:
 *
 * Returns: (transfer full) (element-type SbChecklistItem): the checklist,
 *   in the order of the regulation
 */
GPtrArray *
sb_formal_review_check (SbDatabase  *database,
                        gint64       base_id,
                        GError     **error)
{
  static const char *conditions[] = {
    N_("Condition (1): a legal-person enterprise or institution registered in Shanxi (Art. 11)"),
    N_("Condition (2): support of the local government (Art. 11)"),
    N_("Condition (3): standardisation staff and experience, standards led or joined (Art. 11)"),
    N_("Condition (4): research, innovation and service capability (Art. 11)"),
    N_("Condition (5): no serious problems or dishonesty in three years (Art. 11)"),
  };
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_checklist_item_free);
  g_autoptr(SbBaseDetails) details = NULL;
  const SbBaseUnit *lead = NULL;
  const SbBaseUnit *recommender = NULL;
  guint co_applicants = 0, bad_codes = 0, application_standards = 0;

  details = sb_base_details_load (database, base_id, error);
  if (details == NULL)
    return NULL;

  for (guint i = 0; i < details->units->len; i++)
    {
      const SbBaseUnit *unit = g_ptr_array_index (details->units, i);

      if (unit->role == SB_UNIT_ROLE_LEAD)
        lead = unit;
      else if (unit->role == SB_UNIT_ROLE_RECOMMENDER)
        recommender = unit;
      else if (unit->role == SB_UNIT_ROLE_CO_APPLICANT)
        {
          co_applicants++;
          if (!sb_credit_code_is_valid (unit->credit_code, SB_CREDIT_CODE_FLAGS_NONE))
            bad_codes++;
        }
    }
  for (guint i = 0; i < details->standards->len; i++)
    if (!((SbBaseStandard *) g_ptr_array_index (details->standards, i))->produced)
      application_standards++;

  for (int condition = 1; condition <= 5; condition++)
    {
      g_autoptr(GString) finding = g_string_new (NULL);
      gboolean has_statement = FALSE;
      int n_documents = 0;
      gboolean satisfied;

      if (!query_condition (database, base_id, condition, &has_statement, &n_documents, error))
        return NULL;

      if (condition == 1)
        {
          gboolean shanxi = lead != NULL
                            && sb_credit_code_is_valid (lead->credit_code, SB_CREDIT_CODE_FLAGS_REQUIRE_SHANXI);

          satisfied = shanxi && lead->legal_person;
          g_string_append (finding, lead == NULL ? _("No lead unit")
                                    : !shanxi ? _("The lead unit’s credit code is not a valid Shanxi registration")
                                    : !lead->legal_person ? _("The lead unit is not a legal person")
                                    : lead->credit_code);
        }
      else
        {
          satisfied = has_statement && n_documents > 0;
          g_string_append (finding, has_statement ? _("Statement given") : _("No statement"));
          g_string_append (finding, " · ");
          g_string_append_printf (finding, g_dngettext (GETTEXT_PACKAGE, "%d evidence PDF",
                                                       "%d evidence PDFs", n_documents),
                                  n_documents);
          if (condition == 3)
            {
              satisfied = satisfied && application_standards > 0;
              g_string_append (finding, " · ");
              g_string_append_printf (finding, g_dngettext (GETTEXT_PACKAGE, "%u standard listed",
                                                           "%u standards listed", application_standards),
                                      application_standards);
            }
        }
      add_item (items, g_dgettext (GETTEXT_PACKAGE, conditions[condition - 1]), satisfied,
                g_string_free (g_steal_pointer (&finding), FALSE));
    }

  add_item (items, _("Co-applicants with valid credit codes (Art. 12)"), bad_codes == 0,
            co_applicants == 0 ? g_strdup (_("No co-applicants"))
            : bad_codes == 0 ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u co-applicant",
                                                            "%u co-applicants", co_applicants),
                                               co_applicants)
            : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u invalid credit code",
                                            "%u invalid credit codes", bad_codes), bad_codes));
  add_item (items, _("Recommended by an industry department or a city or zone authority (Art. 13)"),
            recommender != NULL,
            g_strdup (recommender ? recommender->name : _("No recommender")));

  return g_steal_pointer (&items);
}

/* The reason of a return: the items the reviewer did not accept, and the
 * reviewer's remarks.  NULL when every item was accepted. */
char *
sb_formal_review_describe_missing (GPtrArray      *items,
                                   const gboolean *accepted,
                                   const char     *remarks)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      const SbChecklistItem *item = g_ptr_array_index (items, i);

      if (accepted[i])
        continue;
      g_string_append (text, text->len == 0 ? _("To correct: ") : _("; "));
      g_string_append (text, item->label);
    }

  if (text->len == 0)
    return NULL;
  if (remarks != NULL && *remarks != '\0')
    {
      g_string_append (text, _(". "));
      g_string_append (text, remarks);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
sb_checklist_item_free (SbChecklistItem *item)
{
  if (item == NULL)
    return;

  g_free (item->label);
  g_free (item->finding);
  g_free (item);
}
