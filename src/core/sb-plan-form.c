/* sb-plan-form.c: the construction plan (建设方案) as a form, Art. 16
 *
 * As for the application, every check is a pure function of the values:
 * the plan covers the construction cycle year by year (Art. 18), so each
 * task has one milestone per year and the budget one row per year.
 */
#define G_LOG_DOMAIN "sb-plan-form"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "sb-credit-code.h"
#include "sb-plan-form.h"
#include "sb-standard-designation.h"

static const char * const step_titles[] = {
  [SB_PLAN_STEP_GOALS] = N_("Goals"),
  [SB_PLAN_STEP_TASKS] = N_("Tasks"),
  [SB_PLAN_STEP_TEAM] = N_("Team"),
  [SB_PLAN_STEP_CO_BUILDERS] = N_("Co-builders"),
  [SB_PLAN_STEP_BUDGET] = N_("Budget"),
  [SB_PLAN_STEP_SUMMARY] = N_("Summary"),
};

static const struct
{
  const char *id;
  const char *label;
} sources[SB_PLAN_N_SOURCES] = {
  { "own", N_("Own funds") },
  { "government", N_("Government support") },
  { "co_builders", N_("Co-builders") },
  { "other", N_("Other sources") },
};

const char *
sb_plan_step_get_title (SbPlanStep step)
{
  g_return_val_if_fail (step < SB_N_PLAN_STEPS, NULL);

  return _(step_titles[step]);
}

const char *
sb_plan_source_to_string (guint source)
{
  g_return_val_if_fail (source < SB_PLAN_N_SOURCES, NULL);

  return sources[source].id;
}

const char *
sb_plan_source_get_label (guint source)
{
  g_return_val_if_fail (source < SB_PLAN_N_SOURCES, NULL);

  return _(sources[source].label);
}

/* The suffix of a task's expected standards at @level (SbStandardLevel). */
const char *
sb_plan_output_key (guint level)
{
  g_return_val_if_fail (level < SB_N_STANDARD_LEVELS, NULL);

  return sb_standard_level_to_string (level);
}

/**
 * sb_plan_cycle_years:
 *
 * Returns: how many yearly milestones a cycle of @cycle_months has: one
 *   for each year begun
 */
int
sb_plan_cycle_years (int cycle_months)
{
  if (cycle_months <= 0)
    cycle_months = 36;

  return MIN ((cycle_months + 11) / 12, 10);
}

static void
add_error (GPtrArray  *errors,
           const char *key,
           gboolean    missing,
           char       *message)
{
  SbFieldError *error = g_new0 (SbFieldError, 1);

  error->key = g_strdup (key);
  error->message = message;
  error->missing = missing;
  g_ptr_array_add (errors, error);
}

static gboolean
require (GHashTable *values,
         GPtrArray  *errors,
         const char *key,
         const char *message)
{
  if (!sb_form_is_blank (sb_form_get (values, key)))
    return TRUE;

  add_error (errors, key, TRUE, g_strdup (message));
  return FALSE;
}

/* A count: blank is zero, else a whole number from 0 to 100 000. */
static void
check_count (GHashTable *values,
             GPtrArray  *errors,
             const char *key)
{
  g_autofree char *text = g_strstrip (g_strdup (sb_form_get (values, key)));
  char *end = NULL;
  gint64 n;

  if (text[0] == '\0')
    return;

  n = g_ascii_strtoll (text, &end, 10);
  if (*end != '\0' || n < 0 || n > 100000)
    add_error (errors, key, FALSE, g_strdup (_("Enter a whole number, 0 or more")));
}

static gboolean
parse_amount (const char *text,
              double     *amount)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;

  *amount = 0;
  if (copy[0] == '\0')
    return TRUE;

  *amount = g_ascii_strtod (copy, &end);

  return *end == '\0' && *amount >= 0 && *amount < 1e7;
}

static void
check_tasks (GHashTable *values,
             int         years,
             GPtrArray  *errors)
{
  guint count = sb_form_get_count (values, "task.count");

  if (count == 0)
    add_error (errors, "task.count", TRUE, g_strdup (_("Add at least one task")));

  for (guint i = 0; i < count; i++)
    {
      g_autofree char *title = g_strdup_printf ("task.%u.title", i);
      g_autofree char *owner = g_strdup_printf ("task.%u.owner", i);

      require (values, errors, title, _("Enter what the task is"));
      require (values, errors, owner, _("Enter who is responsible for the task"));

      for (int y = 1; y <= years; y++)
        {
          g_autofree char *key = g_strdup_printf ("task.%u.milestone.%d", i, y);
          g_autofree char *message = g_strdup_printf (_("Enter what the task achieves by the end of year %d"), y);

          require (values, errors, key, message);
        }

      for (guint level = 0; level < SB_N_STANDARD_LEVELS; level++)
        {
          g_autofree char *key = g_strdup_printf ("task.%u.out.%s", i, sb_plan_output_key (level));

          check_count (values, errors, key);
        }
      {
        g_autofree char *services = g_strdup_printf ("task.%u.services", i);
        g_autofree char *training = g_strdup_printf ("task.%u.training", i);

        check_count (values, errors, services);
        check_count (values, errors, training);
      }
    }
}

static void
check_team (GHashTable *values,
            GPtrArray  *errors)
{
  guint count = sb_form_get_count (values, "team.count");

  if (count == 0)
    add_error (errors, "team.count", TRUE, g_strdup (_("Add the people who build the base")));

  for (guint i = 0; i < count; i++)
    {
      g_autofree char *name = g_strdup_printf ("team.%u.name", i);
      g_autofree char *role = g_strdup_printf ("team.%u.role", i);

      require (values, errors, name, _("Enter the person’s name"));
      require (values, errors, role, _("Enter the person’s role in the base"));
    }
}

static void
check_co_builders (GHashTable *values,
                   GPtrArray  *errors)
{
  guint count = sb_form_get_count (values, "cob.count");

  for (guint i = 0; i < count; i++)
    {
      g_autofree char *name = g_strdup_printf ("cob.%u.name", i);
      g_autofree char *code = g_strdup_printf ("cob.%u.code", i);

      require (values, errors, name, _("Enter the unit’s registered name"));
      if (require (values, errors, code, _("Enter the unit’s Unified Social Credit Code")))
        {
          g_autoptr(GError) error = NULL;

          if (!sb_credit_code_parse (sb_form_get (values, code), SB_CREDIT_CODE_FLAGS_NONE, NULL, &error))
            add_error (errors, code, FALSE, g_strdup (error->message));
        }
    }
}

static void
check_budget (GHashTable *values,
              int         years,
              GPtrArray  *errors)
{
  for (int y = 1; y <= years; y++)
    for (guint s = 0; s < SB_PLAN_N_SOURCES; s++)
      {
        g_autofree char *key = g_strdup_printf ("budget.%d.%s", y, sources[s].id);
        double amount;

        if (!parse_amount (sb_form_get (values, key), &amount))
          add_error (errors, key, FALSE,
                     g_strdup (_("Enter an amount in 10 000 yuan, e.g. 120 or 85.5")));
      }

  if (sb_plan_form_get_total (values, years) <= 0)
    add_error (errors, "budget.1.own", TRUE, g_strdup (_("Enter the budget of at least one year")));
}

GPtrArray *
sb_plan_form_check_step (GHashTable *values,
                         int         years,
                         SbPlanStep  step)
{
  GPtrArray *errors = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_field_error_free);

  switch (step)
    {
    case SB_PLAN_STEP_GOALS:
      require (values, errors, "goals", _("Describe what the base will achieve by the end of the cycle"));
      break;
    case SB_PLAN_STEP_TASKS:
      check_tasks (values, years, errors);
      break;
    case SB_PLAN_STEP_TEAM:
      check_team (values, errors);
      break;
    case SB_PLAN_STEP_CO_BUILDERS:
      check_co_builders (values, errors);
      break;
    case SB_PLAN_STEP_BUDGET:
      check_budget (values, years, errors);
      break;
    case SB_PLAN_STEP_SUMMARY:
    case SB_N_PLAN_STEPS:
    default:
      break;
    }

  return errors;
}

GPtrArray *
sb_plan_form_check (GHashTable *values,
                    int         years)
{
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_field_error_free);

  for (SbPlanStep step = 0; step < SB_N_PLAN_STEPS; step++)
    {
      g_autoptr(GPtrArray) errors = sb_plan_form_check_step (values, years, step);

      g_ptr_array_extend_and_steal (all, g_steal_pointer (&errors));
    }

  return all;
}

static gboolean
has_prefix (GHashTable *values,
            const char *prefix)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_str_has_prefix (key, prefix))
      return TRUE;

  return FALSE;
}

SbStepState
sb_plan_form_get_step_state (GHashTable *values,
                             int         years,
                             SbPlanStep  step)
{
  static const char * const prefixes[] = { "goals", "task.", "team.", "cob.", "budget.", NULL };
  g_autoptr(GPtrArray) errors = NULL;
  gboolean missing = FALSE;

  if (step == SB_PLAN_STEP_SUMMARY)
    {
      g_autoptr(GPtrArray) all = sb_plan_form_check (values, years);

      return all->len == 0 ? SB_STEP_STATE_COMPLETE : SB_STEP_STATE_INCOMPLETE;
    }

  errors = sb_plan_form_check_step (values, years, step);
  for (guint i = 0; i < errors->len; i++)
    {
      const SbFieldError *error = g_ptr_array_index (errors, i);

      if (!error->missing)
        return SB_STEP_STATE_ERRORS;
      missing = TRUE;
    }

  if (!missing)
    return SB_STEP_STATE_COMPLETE;

  return has_prefix (values, prefixes[step]) ? SB_STEP_STATE_INCOMPLETE : SB_STEP_STATE_NOT_STARTED;
}

double
sb_plan_form_get_budget (GHashTable *values,
                         int         year,
                         guint       source)
{
  g_autofree char *key = NULL;
  double amount;

  g_return_val_if_fail (source < SB_PLAN_N_SOURCES, 0);

  key = g_strdup_printf ("budget.%d.%s", year, sources[source].id);

  return parse_amount (sb_form_get (values, key), &amount) ? amount : 0;
}

double
sb_plan_form_get_total (GHashTable *values,
                        int         years)
{
  double total = 0;

  for (int y = 1; y <= years; y++)
    for (guint s = 0; s < SB_PLAN_N_SOURCES; s++)
      total += sb_plan_form_get_budget (values, y, s);

  return total;
}
