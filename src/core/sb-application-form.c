/* sb-application-form.c: the application (申报书) as a form, Art. 11–13
 *
 * Every check is a function of the form's values alone: the wizard calls
 * it after each keystroke, the summary before submitting, the tests
 * without a display.  Messages say in words what is wrong and how to put
 * it right; a required field left empty is marked as missing, so the
 * wizard can wait until the user leaves the step before pointing at it.
 */
#define G_LOG_DOMAIN "sb-application-form"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "sb-application-form.h"
#include "sb-base-name.h"
#include "sb-credit-code.h"
#include "sb-standard-designation.h"

#define MAX_SHORT_NAME_CHARS 30

static const char * const step_titles[] = {
  [SB_APPLICATION_STEP_LEAD] = N_("Lead unit"),
  [SB_APPLICATION_STEP_CO_APPLICANTS] = N_("Co-applicants"),
  [SB_APPLICATION_STEP_NAMES] = N_("Domain and name"),
  [SB_APPLICATION_STEP_CONDITIONS] = N_("Conditions"),
  [SB_APPLICATION_STEP_STANDARDS] = N_("Standards"),
  [SB_APPLICATION_STEP_CAPABILITY] = N_("Capability"),
  [SB_APPLICATION_STEP_RECOMMENDER] = N_("Recommender"),
  [SB_APPLICATION_STEP_ATTACHMENTS] = N_("Attachments"),
  [SB_APPLICATION_STEP_SUMMARY] = N_("Summary"),
};

/* Art. 11, shortened as the application form lists them. */
static const char * const conditions[] = {
  N_("(1) The lead unit is an enterprise or institution registered in Shanxi with independent legal-person status"),
  N_("(2) The local government values standardisation and supports the base with policy, funding and other means"),
  N_("(3) A standardisation office with full- or part-time staff, experience, and a record of leading or joining international, national, industry, local or group standards"),
  N_("(4) Strong research and development, gathering of innovation resources and market services; a leading position in the province’s industry"),
  N_("(5) No major safety, quality or environmental incident and no breach of law or trust in the past three years"),
};

const char *
sb_step_state_get_label (SbStepState state)
{
  switch (state)
    {
    case SB_STEP_STATE_NOT_STARTED:
      return _("Not started");
    case SB_STEP_STATE_INCOMPLETE:
      return _("Incomplete");
    case SB_STEP_STATE_COMPLETE:
      return _("Complete");
    case SB_STEP_STATE_ERRORS:
      return _("Has errors");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
sb_application_step_get_title (SbApplicationStep step)
{
  g_return_val_if_fail (step < SB_N_APPLICATION_STEPS, NULL);

  return _(step_titles[step]);
}

/**
 * sb_application_condition_get_text:
 * @condition: 1 to 5
 */
const char *
sb_application_condition_get_text (int condition)
{
  g_return_val_if_fail (condition >= 1 && condition <= SB_APPLICATION_CONDITIONS, NULL);

  return _(conditions[condition - 1]);
}

const char *
sb_form_get (GHashTable *values,
             const char *key)
{
  const char *value = g_hash_table_lookup (values, key);

  return value != NULL ? value : "";
}

const char *
sb_form_get_indexed (GHashTable *values,
                     const char *prefix,
                     guint       index,
                     const char *suffix)
{
  char key[64];

  g_snprintf (key, sizeof key, "%s.%u.%s", prefix, index, suffix);

  return sb_form_get (values, key);
}

guint
sb_form_get_count (GHashTable *values,
                   const char *key)
{
  guint64 count = g_ascii_strtoull (sb_form_get (values, key), NULL, 10);

  return MIN (count, 999);
}

gboolean
sb_form_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;

  return TRUE;
}

/**
 * sb_form_get_ids:
 *
 * Returns: (transfer full) (element-type gint64): the ids joined by
 *   commas in @key, in order, without repeats
 */
GArray *
sb_form_get_ids (GHashTable *values,
                 const char *key)
{
  g_auto(GStrv) parts = g_strsplit (sb_form_get (values, key), ",", -1);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      gint64 id = g_ascii_strtoll (parts[i], NULL, 10);
      gboolean seen = FALSE;

      for (guint j = 0; j < ids->len; j++)
        seen |= g_array_index (ids, gint64, j) == id;
      if (id > 0 && !seen)
        g_array_append_val (ids, id);
    }

  return ids;
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

static gboolean
is_phone (const char *text)
{
  guint digits = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (strchr (" -+()", *p) == NULL)
        return FALSE;
    }

  return digits >= 7 && digits <= 20;
}

static gboolean
is_email (const char *text)
{
  const char *at = strchr (text, '@');

  return at != NULL && at != text && strchr (at + 1, '@') == NULL
         && strchr (at + 1, '.') != NULL && strchr (text, ' ') == NULL
         && at[1] != '.' && text[strlen (text) - 1] != '.';
}

/* The fields a unit has, the lead unit under "lead", a co-applicant under
 * "co.N".  @shanxi: whether it must be registered in Shanxi (Art. 11 (1)). */
static void
check_unit (GHashTable *values,
            GPtrArray  *errors,
            const char *prefix,
            gboolean    lead)
{
  g_autofree char *name = g_strconcat (prefix, ".name", NULL);
  g_autofree char *code = g_strconcat (prefix, ".code", NULL);
  g_autofree char *kind = g_strconcat (prefix, ".kind", NULL);
  g_autofree char *legal = g_strconcat (prefix, ".legal", NULL);
  g_autofree char *address = g_strconcat (prefix, ".address", NULL);
  g_autofree char *contact = g_strconcat (prefix, ".contact", NULL);
  g_autofree char *phone = g_strconcat (prefix, ".phone", NULL);
  g_autofree char *email = g_strconcat (prefix, ".email", NULL);
  g_autofree char *stripped = NULL;
  const char *value;

  require (values, errors, name, _("Enter the unit’s registered name"));

  value = sb_form_get (values, code);
  if (require (values, errors, code, _("Enter the unit’s Unified Social Credit Code")))
    {
      g_autoptr(GError) error = NULL;
      SbCreditCode parsed;

      if (!sb_credit_code_parse (value, lead ? SB_CREDIT_CODE_FLAGS_REQUIRE_SHANXI : SB_CREDIT_CODE_FLAGS_NONE,
                                 &parsed, &error))
        add_error (errors, code, FALSE, g_strdup (error->message));
    }

  value = sb_form_get (values, kind);
  if (g_strcmp0 (value, "enterprise") != 0 && g_strcmp0 (value, "institution") != 0)
    add_error (errors, kind, TRUE, g_strdup (_("Say whether the unit is an enterprise or an institution")));

  if (lead && sb_form_is_blank (sb_form_get (values, legal)))
    add_error (errors, legal, TRUE,
               g_strdup (_("Say whether the lead unit has independent legal-person status")));
  else if (lead && g_strcmp0 (sb_form_get (values, legal), "1") != 0)
    add_error (errors, legal, FALSE,
               g_strdup (_("Art. 11 (1): the lead unit must be an enterprise or institution with independent legal-person status")));

  require (values, errors, address, _("Enter the unit’s address"));
  require (values, errors, contact, _("Enter the name of the person to contact"));

  value = sb_form_get (values, phone);
  stripped = g_strstrip (g_strdup (value));
  if (require (values, errors, phone, _("Enter a telephone number"))
      && !is_phone (stripped))
    add_error (errors, phone, FALSE,
               g_strdup (_("A telephone number has 7 to 20 digits and may contain spaces, hyphens, brackets and “+”")));

  value = sb_form_get (values, email);
  if (!sb_form_is_blank (value) && !is_email (value))
    add_error (errors, email, FALSE,
               g_strdup (_("This is not an e-mail address; it should look like name@example.cn")));
}

static void
check_co_applicants (GHashTable *values,
                     GPtrArray  *errors)
{
  guint count = sb_form_get_count (values, "co.count");
  g_autofree char *lead_code = sb_credit_code_normalise (sb_form_get (values, "lead.code"));

  for (guint i = 0; i < count; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("co.%u", i);
      g_autofree char *key = g_strdup_printf ("co.%u.code", i);
      g_autofree char *code = sb_credit_code_normalise (sb_form_get (values, key));

      check_unit (values, errors, prefix, FALSE);

      if (code[0] == '\0' || sb_field_errors_find (errors, key) != NULL)
        continue;

      if (g_strcmp0 (code, lead_code) == 0)
        add_error (errors, key, FALSE, g_strdup (_("This is the lead unit’s code; a co-applicant is another unit")));
      for (guint j = 0; j < i; j++)
        {
          g_autofree char *other = sb_credit_code_normalise (sb_form_get_indexed (values, "co", j, "code"));

          if (g_strcmp0 (code, other) == 0)
            {
              add_error (errors, key, FALSE,
                         g_strdup_printf (_("Co-applicant %u has the same code"), j + 1));
              break;
            }
        }
    }
}

static gboolean
has_bracket (const char *text)
{
  return strstr (text, "（") != NULL || strstr (text, "）") != NULL
         || strchr (text, '(') != NULL || strchr (text, ')') != NULL;
}

static void
check_names (GHashTable *values,
             GPtrArray  *errors)
{
  const char *zh = sb_form_get (values, "short_zh");
  const char *en = sb_form_get (values, "short_en");

  require (values, errors, "domain", _("Choose the domain of Art. 3 the base serves"));

  if (require (values, errors, "short_zh", _("Enter the base’s short name in Chinese, the ××× of its name")))
    {
      if (strstr (zh, "创新基地") != NULL || has_bracket (zh))
        add_error (errors, "short_zh", FALSE,
                   g_strdup (_("Enter only the short name, without “创新基地” or brackets: the full name is made from it")));
      else if (g_utf8_strlen (zh, -1) > MAX_SHORT_NAME_CHARS)
        add_error (errors, "short_zh", FALSE,
                   g_strdup_printf (_("The short name has %ld characters; keep it to %d"),
                                    g_utf8_strlen (zh, -1), MAX_SHORT_NAME_CHARS));
    }

  if (require (values, errors, "short_en", _("Enter the base’s short name in English")))
    {
      if (has_bracket (en) || strstr (en, "Innovation Base") != NULL)
        add_error (errors, "short_en", FALSE,
                   g_strdup (_("Enter only the short name, without “Innovation Base” or brackets")));
    }
}

static void
check_conditions (GHashTable *values,
                  GPtrArray  *errors)
{
  for (int i = 1; i <= SB_APPLICATION_CONDITIONS; i++)
    {
      g_autofree char *key = g_strdup_printf ("cond.%d.statement", i);
      g_autofree char *message = g_strdup_printf (_("State how the unit meets condition (%d)"), i);

      require (values, errors, key, message);
    }
}

static void
check_standards (GHashTable *values,
                 GPtrArray  *errors)
{
  guint count = sb_form_get_count (values, "std.count");
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  guint filled = 0;

  for (guint i = 0; i < count; i++)
    {
      g_autofree char *key = g_strdup_printf ("std.%u.designation", i);
      g_autofree char *role_key = g_strdup_printf ("std.%u.role", i);
      const char *role = sb_form_get (values, role_key);
      g_autoptr(SbStandardDesignation) parsed = NULL;
      g_autoptr(GError) error = NULL;

      if (!require (values, errors, key, _("Enter the standard’s designation, e.g. GB/T 1.1-2020")))
        continue;
      filled++;

      parsed = sb_standard_designation_parse (sb_form_get (values, key), &error);
      if (parsed == NULL)
        {
          add_error (errors, key, FALSE, g_strdup (error->message));
          continue;
        }

      for (guint j = 0; j < seen->len; j++)
        if (g_strcmp0 (g_ptr_array_index (seen, j), parsed->normalised) == 0)
          {
            add_error (errors, key, FALSE,
                       g_strdup_printf (_("%s is already in the list"), parsed->normalised));
            break;
          }
      g_ptr_array_add (seen, g_strdup (parsed->normalised));

      if (g_strcmp0 (role, "led") != 0 && g_strcmp0 (role, "participated") != 0)
        add_error (errors, role_key, TRUE, g_strdup (_("Say whether the unit led the standard or took part")));
    }

  if (filled == 0 && count == 0)
    add_error (errors, "std.count", TRUE,
               g_strdup (_("Art. 11 (3): list at least one standard the unit led or took part in")));
}

/**
 * sb_application_form_check_step:
 *
 * Returns: (transfer full) (element-type SbFieldError): what is wrong or
 *   missing in @step, in the order of its fields
 */
GPtrArray *
sb_application_form_check_step (GHashTable        *values,
                                SbApplicationStep  step)
{
  GPtrArray *errors = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_field_error_free);

  g_return_val_if_fail (values != NULL, errors);

  switch (step)
    {
    case SB_APPLICATION_STEP_LEAD:
      check_unit (values, errors, "lead", TRUE);
      break;
    case SB_APPLICATION_STEP_CO_APPLICANTS:
      check_co_applicants (values, errors);
      break;
    case SB_APPLICATION_STEP_NAMES:
      check_names (values, errors);
      break;
    case SB_APPLICATION_STEP_CONDITIONS:
      check_conditions (values, errors);
      break;
    case SB_APPLICATION_STEP_STANDARDS:
      check_standards (values, errors);
      break;
    case SB_APPLICATION_STEP_CAPABILITY:
      require (values, errors, "research", _("Describe the unit’s research capability"));
      require (values, errors, "service", _("Describe the services the unit offers"));
      break;
    case SB_APPLICATION_STEP_RECOMMENDER:
      require (values, errors, "recommender",
               _("Art. 13: choose the industry department or the city or zone standardisation authority that recommends the application"));
      break;
    case SB_APPLICATION_STEP_ATTACHMENTS:
    case SB_APPLICATION_STEP_SUMMARY:
    case SB_N_APPLICATION_STEPS:
    default:
      break;
    }

  return errors;
}

/**
 * sb_application_form_check:
 *
 * Returns: (transfer full) (element-type SbFieldError): every error of
 *   every step
 */
GPtrArray *
sb_application_form_check (GHashTable *values)
{
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_field_error_free);

  for (SbApplicationStep step = 0; step < SB_N_APPLICATION_STEPS; step++)
    {
      g_autoptr(GPtrArray) errors = sb_application_form_check_step (values, step);

      g_ptr_array_extend_and_steal (all, g_steal_pointer (&errors));
    }

  return all;
}

static gboolean
step_has_values (GHashTable        *values,
                 SbApplicationStep  step)
{
  static const char * const prefixes[] = {
    [SB_APPLICATION_STEP_LEAD] = "lead.",
    [SB_APPLICATION_STEP_CO_APPLICANTS] = "co.",
    [SB_APPLICATION_STEP_NAMES] = NULL,
    [SB_APPLICATION_STEP_CONDITIONS] = "cond.",
    [SB_APPLICATION_STEP_STANDARDS] = "std.",
    [SB_APPLICATION_STEP_CAPABILITY] = NULL,
    [SB_APPLICATION_STEP_RECOMMENDER] = "recommend",
    [SB_APPLICATION_STEP_ATTACHMENTS] = "attachments",
    [SB_APPLICATION_STEP_SUMMARY] = NULL,
  };
  GHashTableIter iter;
  gpointer key;

  if (step == SB_APPLICATION_STEP_NAMES)
    return g_hash_table_contains (values, "domain") || g_hash_table_contains (values, "short_zh")
           || g_hash_table_contains (values, "short_en") || g_hash_table_contains (values, "tags");
  if (step == SB_APPLICATION_STEP_CAPABILITY)
    return g_hash_table_contains (values, "research") || g_hash_table_contains (values, "service");
  if (prefixes[step] == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_str_has_prefix (key, prefixes[step]))
      return TRUE;

  return FALSE;
}

/**
 * sb_application_form_get_step_state:
 *
 * A step with a wrong value has errors; one with a required field left
 * empty is incomplete, or not started if nothing in it was filled in.
 * The steps with nothing required (co-applicants, attachments) are
 * complete as they are.
 */
SbStepState
sb_application_form_get_step_state (GHashTable        *values,
                                    SbApplicationStep  step)
{
  g_autoptr(GPtrArray) errors = sb_application_form_check_step (values, step);
  gboolean missing = FALSE;

  if (step == SB_APPLICATION_STEP_SUMMARY)
    {
      g_autoptr(GPtrArray) all = sb_application_form_check (values);

      return all->len == 0 ? SB_STEP_STATE_COMPLETE : SB_STEP_STATE_INCOMPLETE;
    }

  for (guint i = 0; i < errors->len; i++)
    {
      const SbFieldError *error = g_ptr_array_index (errors, i);

      if (!error->missing)
        return SB_STEP_STATE_ERRORS;
      missing = TRUE;
    }

  if (!missing)
    return SB_STEP_STATE_COMPLETE;

  return step_has_values (values, step) ? SB_STEP_STATE_INCOMPLETE : SB_STEP_STATE_NOT_STARTED;
}

const SbFieldError *
sb_field_errors_find (GPtrArray  *errors,
                      const char *key)
{
  for (guint i = 0; i < errors->len; i++)
    {
      const SbFieldError *error = g_ptr_array_index (errors, i);

      if (g_strcmp0 (error->key, key) == 0)
        return error;
    }

  return NULL;
}

/**
 * sb_application_form_dup_title:
 *
 * Returns: what a list of drafts calls this one: the short name, else the
 *   lead unit, else a placeholder
 */
char *
sb_application_form_dup_title (GHashTable *values)
{
  g_autofree char *short_name = g_strstrip (g_strdup (sb_form_get (values, "short_zh")));
  g_autofree char *lead = g_strstrip (g_strdup (sb_form_get (values, "lead.name")));

  if (short_name[0] != '\0' && lead[0] != '\0')
    return g_strdup_printf ("%s — %s", short_name, lead);
  if (short_name[0] != '\0')
    return g_steal_pointer (&short_name);
  if (lead[0] != '\0')
    return g_steal_pointer (&lead);

  return g_strdup (_("Untitled application"));
}

void
sb_application_form_get_names (GHashTable         *values,
                               SbApplicationNames *names)
{
  g_autofree char *zh = g_strstrip (g_strdup (sb_form_get (values, "short_zh")));
  g_autofree char *en = g_strstrip (g_strdup (sb_form_get (values, "short_en")));

  memset (names, 0, sizeof *names);
  if (zh[0] != '\0')
    {
      names->preparatory_zh = sb_base_name_preparatory_zh (zh);
      names->established_zh = sb_base_name_established_zh (zh);
    }
  if (en[0] != '\0')
    {
      names->preparatory_en = sb_base_name_preparatory_en (en);
      names->established_en = sb_base_name_established_en (en);
    }
}

void
sb_application_names_clear (SbApplicationNames *names)
{
  g_clear_pointer (&names->preparatory_zh, g_free);
  g_clear_pointer (&names->established_zh, g_free);
  g_clear_pointer (&names->preparatory_en, g_free);
  g_clear_pointer (&names->established_en, g_free);
}

void
sb_field_error_free (SbFieldError *error)
{
  g_free (error->key);
  g_free (error->message);
  g_free (error);
}
