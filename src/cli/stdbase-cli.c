/* stdbase-cli.c: the programme from the command line
 *
 * For administrators' batch work and for scripted checks: the same core as
 * the app, no GTK.  Exit status 0 on success, 1 with a one-line message on
 * standard error for invalid input, 2 for usage errors.
 */
#define G_LOG_DOMAIN "stdbase-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <gio/gunixoutputstream.h>

#include "sb-audit.h"
#include "sb-base-name.h"
#include "sb-cli-certificates.h"
#include "sb-cli-output.h"
#include "sb-cli-pdf.h"
#include "sb-credit-code.h"
#include "sb-date.h"
#include "sb-deadline-watch.h"
#include "sb-demo.h"
#include "sb-paths.h"
#include "sb-programme.h"
#include "sb-standard-designation.h"

#define EXIT_INVALID SB_CLI_EXIT_INVALID
#define EXIT_USAGE   SB_CLI_EXIT_USAGE
#define EXIT_TAMPERED 3   /* audit verify found a broken chain */

typedef enum
{
  FORMAT_TSV,
  FORMAT_JSON,
} Format;

/* Options several commands take.  A command accepts only those it uses,
 * so that an option it would ignore is refused as a usage error. */
static char *database_path;
static char *today_text;
static char *format_text;

typedef enum
{
  OPTION_DATABASE = 1 << 0,
  OPTION_TODAY    = 1 << 1,
  OPTION_FORMAT   = 1 << 2,
} CommonOption;

static GOptionEntry database_entries[] = {
  { "database", 0, 0, G_OPTION_ARG_FILENAME, &database_path,
    N_("The programme’s database (default: the user’s data directory)"), N_("FILE") },
  { NULL }
};

static GOptionEntry today_entries[] = {
  { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
    N_("Judge deadlines as on this date instead of today"), N_("DATE") },
  { NULL }
};

static GOptionEntry format_entries[] = {
  { "format", 0, 0, G_OPTION_ARG_STRING, &format_text,
    N_("Output format: tsv or json"), N_("FORMAT") },
  { NULL }
};

typedef struct
{
  const char *name;
  const char *arguments;
  const char *summary;
  int       (*run) (int argc, char **argv);
  GOptionEntry *entries;
  CommonOption  options;
} Command;

static int
fail_error (GError *error)
{
  return sb_cli_fail (EXIT_INVALID, "%s", error->message);
}

static gboolean
parse_format (Format  *format,
              gboolean allow_text)
{
  if (format_text == NULL || g_strcmp0 (format_text, "tsv") == 0
      || (allow_text && g_strcmp0 (format_text, "text") == 0))
    *format = FORMAT_TSV;
  else if (g_strcmp0 (format_text, "json") == 0)
    *format = FORMAT_JSON;
  else
    return FALSE;

  return TRUE;
}

static gboolean
parse_today (GDate   *today,
             GError **error)
{
  if (today_text == NULL)
    {
      sb_date_set_today (today);
      return TRUE;
    }

  return sb_date_parse (today_text, today, error);
}

static SbProgramme *
open_programme (SbDatabaseOpenFlags   flags,
                GError              **error)
{
  g_autofree char *path = database_path ? g_strdup (database_path)
                                        : sb_database_get_default_path ();

  return sb_programme_open (path, flags, error);
}

static void
append_json_member (GString    *out,
                    const char *key,
                    const char *value,
                    gboolean    first)
{
  if (!first)
    g_string_append (out, ", ");
  sb_cli_append_json_string (out, key);
  g_string_append (out, ": ");
  sb_cli_append_json_string (out, value);
}

static void
append_json_int (GString    *out,
                 const char *key,
                 gint64      value,
                 gboolean    first)
{
  if (!first)
    g_string_append (out, ", ");
  sb_cli_append_json_string (out, key);
  g_string_append_printf (out, ": %" G_GINT64_FORMAT, value);
}

/* "State: Established" and "Name (Art. 16)", as each language writes them. */
static void
append_field (GString    *out,
              const char *label,
              const char *value)
{
  /* Translators: a field of "stdbase-cli show": label, then value */
  g_string_append_printf (out, _("%s: %s"), label, value ? value : "");
  g_string_append_c (out, '\n');
}

static char *
dup_with_detail (const char *name,
                 const char *detail)
{
  /* Translators: a name, then a detail in parentheses, e.g. "Construction
   * plan due (Art. 16)" */
  return g_strdup_printf (_("%s (%s)"), name, detail ? detail : "");
}

/* init */

static int
run_init (int    argc,
          char **argv)
{
  g_autoptr(SbProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;

  programme = open_programme (SB_DATABASE_OPEN_FLAGS_CREATE, &error);
  if (programme == NULL)
    return fail_error (error);

  g_print ("%s\n", sb_database_get_path (sb_programme_get_database (programme)));
  return EXIT_SUCCESS;
}

/* demo */

static int demo_count = SB_DEMO_DEFAULT_COUNT;
static int demo_seed = SB_DEMO_DEFAULT_SEED;

static GOptionEntry demo_entries[] = {
  { "count", 0, 0, G_OPTION_ARG_INT, &demo_count, N_("How many bases (default 72)"), N_("N") },
  { "seed", 0, 0, G_OPTION_ARG_INT, &demo_seed, N_("The same seed gives the same programme"), N_("S") },
  { NULL }
};

static int
run_demo (int    argc,
          char **argv)
{
  g_autoptr(SbProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  if (demo_count < 1)
    return sb_cli_fail (EXIT_USAGE, _("--count must be at least 1"));
  if (!parse_today (&today, &error))
    return fail_error (error);

  programme = open_programme (SB_DATABASE_OPEN_FLAGS_CREATE, &error);
  if (programme == NULL
      || !sb_demo_fill (sb_programme_get_store (programme), demo_count,
                        (guint32) demo_seed, &today, &error))
    return fail_error (error);

  g_print (ngettext ("Added %d demonstration base to %s\n",
                     "Added %d demonstration bases to %s\n", demo_count),
           demo_count, sb_database_get_path (sb_programme_get_database (programme)));
  return EXIT_SUCCESS;
}

/* list */

static char *filter_domain;
static char *filter_state;
static char *filter_city;
static char *filter_tag;

static GOptionEntry list_entries[] = {
  { "domain", 0, 0, G_OPTION_ARG_STRING, &filter_domain, N_("Only this domain, e.g. semiconductors"), N_("DOMAIN") },
  { "state", 0, 0, G_OPTION_ARG_STRING, &filter_state, N_("Only this state or phase, e.g. established"), N_("STATE") },
  { "city", 0, 0, G_OPTION_ARG_STRING, &filter_city, N_("Only this city code, e.g. 1401"), N_("CITY") },
  { "tag", 0, 0, G_OPTION_ARG_STRING, &filter_tag, N_("Only bases with this six-new tag"), N_("TAG") },
  { NULL }
};

static void
append_base_json (GString *out,
                  SbBase  *base)
{
  const SbDeadline *next = sb_base_get_next_deadline (base);
  g_autofree char *name = sb_base_dup_name (base);
  g_autofree char *name_en = sb_base_dup_name_en (base);
  g_autofree char *date = next ? sb_date_format (&next->date) : NULL;

  g_string_append (out, "{");
  append_json_int (out, "id", sb_base_get_id (base), TRUE);
  append_json_member (out, "name", name, FALSE);
  append_json_member (out, "name_en", name_en, FALSE);
  append_json_member (out, "domain", sb_base_get_domain_code (base), FALSE);
  append_json_member (out, "city", sb_base_get_city_code (base), FALSE);
  append_json_member (out, "state", sb_base_state_to_string (sb_base_get_state (base)), FALSE);
  append_json_member (out, "lead_unit", sb_base_get_lead_unit (base), FALSE);
  append_json_member (out, "next_deadline", next ? sb_deadline_kind_to_string (next->kind) : NULL, FALSE);
  append_json_member (out, "next_deadline_date", date, FALSE);
  if (next != NULL && g_date_valid (&next->date))
    append_json_int (out, "days_left", next->days_left, FALSE);
  g_string_append (out, "}");
}

static int
run_list (int    argc,
          char **argv)
{
  g_autoptr(SbProgramme) programme = NULL;
  g_autoptr(GPtrArray) bases = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  SbBaseFilter filter = {
    .domain_code = filter_domain,
    .state = filter_state,
    .city_code = filter_city,
    .tag_code = filter_tag,
  };
  SbBaseState state;
  SbPhase phase;
  Format format;
  GDate today;

  if (!parse_format (&format, FALSE))
    return sb_cli_fail (EXIT_USAGE, _("Unknown format “%s”; use tsv or json"), format_text);
  if (filter_state != NULL && !sb_base_state_from_string (filter_state, &state)
      && !sb_phase_from_string (filter_state, &phase))
    return sb_cli_fail (EXIT_INVALID, _("Unknown state “%s”"), filter_state);
  if (!parse_today (&today, &error))
    return fail_error (error);

  programme = open_programme (SB_DATABASE_OPEN_FLAGS_NONE, &error);
  if (programme == NULL)
    return fail_error (error);
  if (filter_domain != NULL
      && !sb_base_store_has_domain (sb_programme_get_store (programme), filter_domain))
    return sb_cli_fail (EXIT_INVALID, _("Unknown domain “%s”"), filter_domain);

  bases = sb_base_store_list (sb_programme_get_store (programme), &filter, &today, &error);
  if (bases == NULL)
    return fail_error (error);

  if (format == FORMAT_JSON)
    g_string_append (out, "[\n");
  else
    g_string_append (out, "id\tname\tdomain\tcity\tstate\tlead_unit\tnext_deadline\tdate\tdays_left\n");

  for (guint i = 0; i < bases->len; i++)
    {
      SbBase *base = g_ptr_array_index (bases, i);
      const SbDeadline *next = sb_base_get_next_deadline (base);
      g_autofree char *name = sb_base_dup_name (base);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, sb_base_get_id (base));
      g_autofree char *date = next ? sb_date_format (&next->date) : NULL;
      g_autofree char *days = next && date ? g_strdup_printf ("%d", next->days_left) : NULL;

      if (format == FORMAT_JSON)
        {
          g_string_append (out, "  ");
          append_base_json (out, base);
          g_string_append (out, i + 1 < bases->len ? ",\n" : "\n");
          continue;
        }

      sb_cli_append_tsv_field (out, id, FALSE);
      sb_cli_append_tsv_field (out, name, FALSE);
      sb_cli_append_tsv_field (out, sb_base_get_domain_code (base), FALSE);
      sb_cli_append_tsv_field (out, sb_base_get_city_code (base), FALSE);
      sb_cli_append_tsv_field (out, sb_base_state_to_string (sb_base_get_state (base)), FALSE);
      sb_cli_append_tsv_field (out, sb_base_get_lead_unit (base), FALSE);
      sb_cli_append_tsv_field (out, next ? sb_deadline_kind_to_string (next->kind) : "", FALSE);
      sb_cli_append_tsv_field (out, date, FALSE);
      sb_cli_append_tsv_field (out, days, TRUE);
    }

  if (format == FORMAT_JSON)
    g_string_append (out, "]\n");

  fputs (out->str, stdout);
  return EXIT_SUCCESS;
}

/* show, deadlines */

static gboolean
parse_id (const char *text,
          gint64     *id)
{
  char *end = NULL;

  if (text == NULL)
    return FALSE;

  *id = g_ascii_strtoll (text, &end, 10);
  return end != text && *end == '\0' && *id > 0;
}

static SbBase *
load_base (SbProgramme  *programme,
           const char   *id_text,
           const GDate  *today,
           GError      **error)
{
  gint64 id;

  if (!parse_id (id_text, &id))
    {
      g_set_error (error, SB_BASE_STORE_ERROR, SB_BASE_STORE_ERROR_NOT_FOUND,
                   _("“%s” is not a base number"), id_text);
      return NULL;
    }

  return sb_base_store_load (sb_programme_get_store (programme), id, today, error);
}

/* The members every JSON deadline has, from "kind" on. */
static void
append_deadline_json (GString          *out,
                      const SbDeadline *deadline,
                      gboolean          first)
{
  g_autofree char *date = sb_date_format (&deadline->date);
  g_autofree char *opens = sb_date_format (&deadline->opens);

  append_json_member (out, "kind", sb_deadline_kind_to_string (deadline->kind), first);
  if (deadline->year)
    append_json_int (out, "year", deadline->year, FALSE);
  append_json_member (out, "date", date, FALSE);
  if (opens != NULL)
    append_json_member (out, "opens", opens, FALSE);
  if (date != NULL)
    append_json_int (out, "days_left", deadline->days_left, FALSE);
  append_json_member (out, "status", sb_deadline_status_to_string (deadline->status), FALSE);
  append_json_int (out, "article", sb_deadline_kind_get_article (deadline->kind), FALSE);
  if (deadline->problem != NULL)
    append_json_member (out, "problem", deadline->problem, FALSE);
}

static void
print_deadlines (GString     *out,
                 GArray      *deadlines,
                 Format       format)
{
  if (format == FORMAT_JSON)
    g_string_append (out, "[");
  else
    g_string_append (out, "kind\tyear\tdate\topens\tstatus\tdays_left\tarticle\tnote\n");

  for (guint i = 0; i < deadlines->len; i++)
    {
      const SbDeadline *deadline = &g_array_index (deadlines, SbDeadline, i);
      g_autofree char *date = sb_date_format (&deadline->date);
      g_autofree char *opens = sb_date_format (&deadline->opens);
      g_autofree char *year = deadline->year ? g_strdup_printf ("%d", deadline->year) : NULL;
      g_autofree char *days = date ? g_strdup_printf ("%d", deadline->days_left) : NULL;
      g_autofree char *article = g_strdup_printf ("%d", sb_deadline_kind_get_article (deadline->kind));

      if (format == FORMAT_JSON)
        {
          g_string_append (out, i == 0 ? "\n    {" : ",\n    {");
          append_deadline_json (out, deadline, TRUE);
          g_string_append (out, "}");
          continue;
        }

      sb_cli_append_tsv_field (out, sb_deadline_kind_to_string (deadline->kind), FALSE);
      sb_cli_append_tsv_field (out, year, FALSE);
      sb_cli_append_tsv_field (out, date, FALSE);
      sb_cli_append_tsv_field (out, opens, FALSE);
      sb_cli_append_tsv_field (out, sb_deadline_status_to_string (deadline->status), FALSE);
      sb_cli_append_tsv_field (out, days, FALSE);
      sb_cli_append_tsv_field (out, article, FALSE);
      sb_cli_append_tsv_field (out, deadline->problem, TRUE);
    }

  if (format == FORMAT_JSON)
    g_string_append (out, deadlines->len > 0 ? "\n  ]" : "]");
}

static int
run_deadlines (int    argc,
               char **argv)
{
  g_autoptr(SbProgramme) programme = NULL;
  g_autoptr(SbBase) base = NULL;
  g_autoptr(GArray) deadlines = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  Format format;
  GDate today;

  if (argc != 2)
    return sb_cli_fail (EXIT_USAGE, _("Usage: stdbase-cli deadlines ID"));
  if (!parse_format (&format, FALSE))
    return sb_cli_fail (EXIT_USAGE, _("Unknown format “%s”; use tsv or json"), format_text);
  if (!parse_today (&today, &error))
    return fail_error (error);

  programme = open_programme (SB_DATABASE_OPEN_FLAGS_NONE, &error);
  if (programme == NULL || (base = load_base (programme, argv[1], &today, &error)) == NULL)
    return fail_error (error);

  deadlines = sb_base_store_list_deadlines (sb_programme_get_store (programme), base, &today);
  print_deadlines (out, deadlines, format);
  if (format == FORMAT_JSON)
    g_string_append_c (out, '\n');

  fputs (out->str, stdout);
  return EXIT_SUCCESS;
}

static int
run_show (int    argc,
          char **argv)
{
  g_autoptr(SbProgramme) programme = NULL;
  g_autoptr(SbBase) base = NULL;
  g_autoptr(GArray) deadlines = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *name = NULL;
  g_autofree char *name_en = NULL;
  Format format;
  GDate today;

  if (argc != 2)
    return sb_cli_fail (EXIT_USAGE, _("Usage: stdbase-cli show ID"));
  if (!parse_format (&format, TRUE))
    return sb_cli_fail (EXIT_USAGE, _("Unknown format “%s”; use text or json"), format_text);
  if (!parse_today (&today, &error))
    return fail_error (error);

  programme = open_programme (SB_DATABASE_OPEN_FLAGS_NONE, &error);
  if (programme == NULL || (base = load_base (programme, argv[1], &today, &error)) == NULL)
    return fail_error (error);

  history = sb_base_store_list_transitions (sb_programme_get_store (programme),
                                            sb_base_get_id (base), &error);
  if (history == NULL)
    return fail_error (error);
  deadlines = sb_base_store_list_deadlines (sb_programme_get_store (programme), base, &today);
  name = sb_base_dup_name (base);
  name_en = sb_base_dup_name_en (base);

  if (format == FORMAT_JSON)
    {
      g_string_append (out, "{\n  ");
      append_json_int (out, "id", sb_base_get_id (base), TRUE);
      append_json_member (out, "name", name, FALSE);
      append_json_member (out, "name_en", name_en, FALSE);
      append_json_member (out, "state", sb_base_state_to_string (sb_base_get_state (base)), FALSE);
      append_json_member (out, "domain", sb_base_get_domain_code (base), FALSE);
      append_json_member (out, "city", sb_base_get_city_code (base), FALSE);
      append_json_member (out, "lead_unit", sb_base_get_lead_unit (base), FALSE);
      append_json_member (out, "credit_code", sb_base_get_lead_unit_credit_code (base), FALSE);
      append_json_member (out, "recommender", sb_base_get_recommender (base), FALSE);
      g_string_append (out, ",\n  \"deadlines\": ");
      print_deadlines (out, deadlines, FORMAT_JSON);
      g_string_append (out, ",\n  \"history\": [");
      for (guint i = 0; i < history->len; i++)
        {
          SbTransitionRecord *record = g_ptr_array_index (history, i);

          g_string_append (out, i == 0 ? "\n    {" : ",\n    {");
          append_json_member (out, "date", record->date, TRUE);
          append_json_member (out, "action", record->action, FALSE);
          append_json_member (out, "from", record->from_state, FALSE);
          append_json_member (out, "to", record->to_state, FALSE);
          append_json_member (out, "role", record->role, FALSE);
          append_json_member (out, "actor", record->actor, FALSE);
          append_json_member (out, "note", record->note, FALSE);
          g_string_append (out, "}");
        }
      g_string_append (out, history->len > 0 ? "\n  ]\n}\n" : "]\n}\n");
      fputs (out->str, stdout);
      return EXIT_SUCCESS;
    }

  g_string_append_printf (out, "%s\n", name);
  if (*name_en != '\0')
    g_string_append_printf (out, "%s\n", name_en);
  {
    g_autofree char *lead_unit = dup_with_detail (sb_base_get_lead_unit (base),
                                                  sb_base_get_lead_unit_credit_code (base));

    append_field (out, _("State"), sb_base_state_get_label (sb_base_get_state (base)));
    append_field (out, _("Domain"), sb_base_get_domain_name (base));
    append_field (out, _("City"), sb_base_get_city_name (base));
    append_field (out, _("Lead unit"), lead_unit);
    append_field (out, _("Recommender"), sb_base_get_recommender (base));
  }

  g_string_append_printf (out, "\n%s\n", _("Deadlines"));
  for (guint i = 0; i < deadlines->len; i++)
    {
      const SbDeadline *deadline = &g_array_index (deadlines, SbDeadline, i);
      g_autofree char *date = sb_date_format (&deadline->date);
      g_autofree char *article = sb_article_format (sb_deadline_kind_get_article (deadline->kind));
      g_autofree char *year = deadline->year ? g_strdup_printf (" %d", deadline->year) : g_strdup ("");

      g_autofree char *label = g_strconcat (sb_deadline_kind_get_label (deadline->kind), year, NULL);
      g_autofree char *described = dup_with_detail (label, article);

      /* Status last: its width differs between languages. */
      g_string_append_printf (out, "  %-10s  %s — %s\n", date ? date : "?", described,
                              sb_deadline_status_get_label (deadline->status));
      if (deadline->problem != NULL)
        g_string_append_printf (out, "              %s\n", deadline->problem);
    }

  g_string_append_printf (out, "\n%s\n", _("History"));
  for (guint i = 0; i < history->len; i++)
    {
      SbTransitionRecord *record = g_ptr_array_index (history, i);
      SbAction action;
      SbRole role;

      g_string_append_printf (out, "  %s  %s — %s %s",
                              record->date,
                              sb_action_from_string (record->action, &action)
                                ? sb_action_get_label (action) : record->action,
                              sb_role_from_string (record->role, &role)
                                ? sb_role_get_label (role) : record->role,
                              record->actor);
      if (*record->note != '\0')
        g_string_append_printf (out, ": %s", record->note);
      g_string_append_c (out, '\n');
    }

  fputs (out->str, stdout);
  return EXIT_SUCCESS;
}

/* due */

static int due_within = 30;
static gboolean due_overdue_only;

static GOptionEntry due_entries[] = {
  { "within", 0, 0, G_OPTION_ARG_INT, &due_within, N_("Look this many days ahead (default 30)"), N_("DAYS") },
  { "overdue", 0, 0, G_OPTION_ARG_NONE, &due_overdue_only, N_("Only what is overdue"), NULL },
  { NULL }
};

static int
run_due (int    argc,
         char **argv)
{
  g_autoptr(SbProgramme) programme = NULL;
  g_autoptr(GPtrArray) bases = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  Format format;
  GDate today;

  if (argc != 1)
    return sb_cli_fail (EXIT_USAGE, _("Usage: stdbase-cli due [--within DAYS] [--overdue]"));
  if (!parse_format (&format, FALSE))
    return sb_cli_fail (EXIT_USAGE, _("Unknown format “%s”; use tsv or json"), format_text);
  if (due_within < 0 || due_within > 3660)
    return sb_cli_fail (EXIT_INVALID, _("--within must be from 0 to 3660 days, not %d"), due_within);
  if (!parse_today (&today, &error))
    return fail_error (error);

  programme = open_programme (SB_DATABASE_OPEN_FLAGS_NONE, &error);
  if (programme == NULL)
    return fail_error (error);
  bases = sb_base_store_list (sb_programme_get_store (programme), NULL, &today, &error);
  if (bases == NULL)
    return fail_error (error);

  items = sb_deadline_watch_list (sb_programme_get_store (programme), bases, &today, due_within,
                                  due_overdue_only ? SB_DEADLINE_WATCH_OVERDUE_ONLY
                                                   : SB_DEADLINE_WATCH_DUE_AND_OVERDUE);

  if (format == FORMAT_JSON)
    g_string_append (out, "[");
  else
    g_string_append (out, "id\tname\tkind\tyear\tdate\tdays_left\tstatus\tarticle\n");

  for (guint i = 0; i < items->len; i++)
    {
      const SbDueItem *item = g_ptr_array_index (items, i);
      const SbDeadline *deadline = &item->deadline;
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, item->base_id);
      g_autofree char *date = sb_date_format (&deadline->date);
      g_autofree char *year = deadline->year ? g_strdup_printf ("%d", deadline->year) : NULL;
      g_autofree char *days = date ? g_strdup_printf ("%d", deadline->days_left) : NULL;
      g_autofree char *article = g_strdup_printf ("%d", sb_deadline_kind_get_article (deadline->kind));

      if (format == FORMAT_JSON)
        {
          g_string_append (out, i == 0 ? "\n  {" : ",\n  {");
          append_json_int (out, "id", item->base_id, TRUE);
          append_json_member (out, "name", item->base_name, FALSE);
          append_deadline_json (out, deadline, FALSE);
          g_string_append (out, "}");
          continue;
        }

      sb_cli_append_tsv_field (out, id, FALSE);
      sb_cli_append_tsv_field (out, item->base_name, FALSE);
      sb_cli_append_tsv_field (out, sb_deadline_kind_to_string (deadline->kind), FALSE);
      sb_cli_append_tsv_field (out, year, FALSE);
      sb_cli_append_tsv_field (out, date, FALSE);
      sb_cli_append_tsv_field (out, days, FALSE);
      sb_cli_append_tsv_field (out, sb_deadline_status_to_string (deadline->status), FALSE);
      sb_cli_append_tsv_field (out, article, TRUE);
    }

  if (format == FORMAT_JSON)
    g_string_append (out, items->len > 0 ? "\n]\n" : "]\n");

  fputs (out->str, stdout);
  return EXIT_SUCCESS;
}

/* transition */

static char *transition_date;
static char *transition_role;
static char *transition_note;
static char *transition_actor;
static char *transition_deadline;
static int transition_months;
static int transition_year;

static GOptionEntry transition_entries[] = {
  { "date", 0, 0, G_OPTION_ARG_STRING, &transition_date, N_("When it happened (default: today)"), N_("DATE") },
  { "role", 0, 0, G_OPTION_ARG_STRING, &transition_role, N_("Who takes the step: applicant, recommender, technical-institution, expert or authority"), N_("ROLE") },
  { "note", 0, 0, G_OPTION_ARG_STRING, &transition_note, N_("Why: an opinion or a reason"), N_("TEXT") },
  { "actor", 0, 0, G_OPTION_ARG_STRING, &transition_actor, N_("The person taking the step"), N_("NAME") },
  { "months", 0, 0, G_OPTION_ARG_INT, &transition_months, N_("Cycle length when approving, or extension length"), N_("N") },
  { "year", 0, 0, G_OPTION_ARG_INT, &transition_year, N_("The year of an annual report or assessment"), N_("YEAR") },
  { "deadline", 0, 0, G_OPTION_ARG_STRING, &transition_deadline, N_("Rectification deadline of a failed assessment"), N_("DATE") },
  { NULL }
};

static int
run_transition (int    argc,
                char **argv)
{
  g_autoptr(SbProgramme) programme = NULL;
  g_autoptr(SbBase) base = NULL;
  g_autoptr(SbBase) updated = NULL;
  g_autoptr(GError) error = NULL;
  SbTransitionRequest request;
  SbAction action;
  SbRole role;
  GDate today, date;

  if (argc != 3)
    return sb_cli_fail (EXIT_USAGE, _("Usage: stdbase-cli transition ID ACTION"));
  if (!sb_action_from_string (argv[2], &action))
    return sb_cli_fail (EXIT_INVALID, _("Unknown action “%s”; see stdbase-cli --help"), argv[2]);
  if (!parse_today (&today, &error))
    return fail_error (error);

  date = today;
  if (transition_date != NULL && !sb_date_parse (transition_date, &date, &error))
    return fail_error (error);

  programme = open_programme (SB_DATABASE_OPEN_FLAGS_NONE, &error);
  if (programme == NULL || (base = load_base (programme, argv[1], &today, &error)) == NULL)
    return fail_error (error);

  /* Without --role, the role the regulation gives the step. */
  if (transition_role != NULL)
    {
      if (!sb_role_from_string (transition_role, &role))
        return sb_cli_fail (EXIT_INVALID, _("Unknown role “%s”"), transition_role);
    }
  else if (!sb_lifecycle_find_rule (action, sb_base_get_state (base), NULL, &role, NULL))
    role = SB_ROLE_AUTHORITY;

  sb_transition_request_init (&request, action, role, &date);
  request.note = transition_note;
  request.actor = transition_actor;
  request.months = transition_months;
  request.year = transition_year;
  if (transition_deadline != NULL && !sb_date_parse (transition_deadline, &request.deadline, &error))
    return fail_error (error);

  if (!sb_base_store_perform (sb_programme_get_store (programme), sb_base_get_id (base),
                              &request, &today, &error))
    return fail_error (error);

  updated = sb_base_store_load (sb_programme_get_store (programme), sb_base_get_id (base),
                                &today, &error);
  if (updated == NULL)
    return fail_error (error);

  g_print ("%" G_GINT64_FORMAT "\t%s\t%s\n", sb_base_get_id (updated),
           sb_base_state_to_string (sb_base_get_state (base)),
           sb_base_state_to_string (sb_base_get_state (updated)));
  return EXIT_SUCCESS;
}

/* workdays */

static int
run_workdays (int    argc,
              char **argv)
{
  g_autoptr(SbCalendar) calendar = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SbProgramme) programme = NULL;
  GDate first, second;

  if (argc != 4 || (g_strcmp0 (argv[1], "add") != 0 && g_strcmp0 (argv[1], "between") != 0))
    return sb_cli_fail (EXIT_USAGE, _("Usage: stdbase-cli workdays add DATE N | workdays between DATE1 DATE2"));

  /* With --database, the calendar includes the years imported into it. */
  if (database_path != NULL)
    {
      programme = open_programme (SB_DATABASE_OPEN_FLAGS_NONE, &error);
      if (programme == NULL)
        return fail_error (error);
      calendar = g_object_ref (sb_programme_get_calendar (programme));
    }
  else if ((calendar = sb_calendar_new_default (&error)) == NULL)
    return fail_error (error);

  if (!sb_date_parse (argv[2], &first, &error))
    return fail_error (error);

  if (g_strcmp0 (argv[1], "add") == 0)
    {
      g_autofree char *text = NULL;
      char *end = NULL;
      gint64 n = g_ascii_strtoll (argv[3], &end, 10);

      if (end == argv[3] || *end != '\0' || n < 0 || n > 10000)
        return sb_cli_fail (EXIT_INVALID, _("“%s” is not a number of working days from 0 to 10000"), argv[3]);
      if (!sb_calendar_add_working_days (calendar, &first, (guint) n, &second, &error))
        return fail_error (error);
      text = sb_date_format (&second);
      g_print ("%s\n", text);
    }
  else
    {
      int count;

      if (!sb_date_parse (argv[3], &second, &error)
          || !sb_calendar_working_days_between (calendar, &first, &second, &count, &error))
        return fail_error (error);
      g_print ("%d\n", count);
    }

  return EXIT_SUCCESS;
}

/* validate */

static gboolean validate_shanxi;

static GOptionEntry validate_entries[] = {
  { "shanxi", 0, 0, G_OPTION_ARG_NONE, &validate_shanxi, N_("Require a Shanxi registration, as for a lead unit"), NULL },
  { NULL }
};

static int
run_validate (int    argc,
              char **argv)
{
  g_autoptr(GError) error = NULL;

  if (argc != 3)
    return sb_cli_fail (EXIT_USAGE, _("Usage: stdbase-cli validate uscc CODE | validate standard DESIGNATION"));

  if (g_strcmp0 (argv[1], "uscc") == 0)
    {
      SbCreditCode code;

      if (!sb_credit_code_parse (argv[2], validate_shanxi ? SB_CREDIT_CODE_FLAGS_REQUIRE_SHANXI
                                                          : SB_CREDIT_CODE_FLAGS_NONE,
                                 &code, &error))
        return fail_error (error);
      g_print ("%s\tdivision=%s\torganisation=%s\n", code.code, code.division, code.organisation_code);
      return EXIT_SUCCESS;
    }

  if (g_strcmp0 (argv[1], "standard") == 0)
    {
      g_autoptr(SbStandardDesignation) designation = sb_standard_designation_parse (argv[2], &error);

      if (designation == NULL)
        return fail_error (error);
      g_print ("%s\tlevel=%s\tissuer=%s\tnumber=%s\tyear=%d\n",
               designation->normalised,
               sb_standard_level_to_string (designation->level),
               designation->issuer, designation->number, designation->year);
      return EXIT_SUCCESS;
    }

  return sb_cli_fail (EXIT_USAGE, _("Usage: stdbase-cli validate uscc CODE | validate standard DESIGNATION"));
}

/* pdf: sb-cli-pdf.c */

static int
run_pdf (int    argc,
         char **argv)
{
  return sb_cli_pdf_run (argc, argv, format_text);
}

/* calendar, backup */

static int
run_calendar (int    argc,
              char **argv)
{
  g_autoptr(SbProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;
  SbCalendar *calendar;

  if (argc != 3 || g_strcmp0 (argv[1], "import") != 0)
    return sb_cli_fail (EXIT_USAGE, _("Usage: stdbase-cli calendar import FILE"));

  programme = open_programme (SB_DATABASE_OPEN_FLAGS_CREATE, &error);
  if (programme == NULL || !sb_programme_import_calendar (programme, argv[2], &error))
    return fail_error (error);

  calendar = sb_programme_get_calendar (programme);
  g_print (_("The statutory calendar now covers %d–%d\n"),
           sb_calendar_get_first_year (calendar), sb_calendar_get_last_year (calendar));
  return EXIT_SUCCESS;
}

static int
run_backup (int    argc,
            char **argv)
{
  g_autoptr(SbProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    return sb_cli_fail (EXIT_USAGE, _("Usage: stdbase-cli backup FILE"));

  programme = open_programme (SB_DATABASE_OPEN_FLAGS_NONE, &error);
  if (programme == NULL
      || !sb_database_backup (sb_programme_get_database (programme), argv[1], &error))
    return fail_error (error);

  return EXIT_SUCCESS;
}

/* audit */

static int
run_audit (int    argc,
           char **argv)
{
  g_autoptr(SbProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;
  SbDatabase *database;

  if (argc < 2 || (g_str_equal (argv[1], "verify") && argc != 2)
      || (g_str_equal (argv[1], "export") && argc > 3)
      || (!g_str_equal (argv[1], "verify") && !g_str_equal (argv[1], "export")))
    return sb_cli_fail (EXIT_USAGE, _("Usage: stdbase-cli audit verify | audit export [FILE]"));

  programme = open_programme (SB_DATABASE_OPEN_FLAGS_NONE, &error);
  if (programme == NULL)
    return fail_error (error);
  database = sb_programme_get_database (programme);

  if (g_str_equal (argv[1], "verify"))
    {
      g_autofree char *description = NULL;
      SbAuditReport report;

      if (!sb_audit_verify (database, &report, &error))
        return fail_error (error);

      description = sb_audit_describe_report (&report);
      if (report.verdict != SB_AUDIT_INTACT)
        return sb_cli_fail (EXIT_TAMPERED, "%s", description);
      g_print ("%s\n", description);
    }
  else
    {
      g_autoptr(GOutputStream) out = NULL;

      if (argc == 3)
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[2]);

          out = G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE,
                                                 NULL, &error));
        }
      else
        out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

      if (out == NULL
          || !sb_audit_export_csv (database, out, NULL, &error)
          || !g_output_stream_close (out, NULL, &error))
        return fail_error (error);
    }

  return EXIT_SUCCESS;
}

/* certificate, certificates, verify: sb-cli-certificates.c */

static SbProgramme *
open_existing_programme (GError **error)
{
  return open_programme (SB_DATABASE_OPEN_FLAGS_NONE, error);
}

static const SbCliHooks cli_hooks = { open_existing_programme, parse_today };

static int
run_certificate (int    argc,
                 char **argv)
{
  return sb_cli_run_certificate (&cli_hooks, argc, argv);
}

static int
run_certificates (int    argc,
                  char **argv)
{
  return sb_cli_run_certificates (&cli_hooks, argc, argv);
}

static int
run_verify (int    argc,
            char **argv)
{
  return sb_cli_run_verify (&cli_hooks, argc, argv);
}

static const Command commands[] = {
  { "init", "", N_("Create an empty programme database"), run_init, NULL,
    OPTION_DATABASE },
  { "demo", "", N_("Fill an empty database with a demonstration programme"), run_demo, demo_entries,
    OPTION_DATABASE | OPTION_TODAY },
  { "list", "", N_("List the bases, with their next deadline"), run_list, list_entries,
    OPTION_DATABASE | OPTION_TODAY | OPTION_FORMAT },
  { "show", "ID", N_("Show a base: names, units, deadlines and history"), run_show, NULL,
    OPTION_DATABASE | OPTION_TODAY | OPTION_FORMAT },
  { "deadlines", "ID", N_("List every deadline of a base, with its article"), run_deadlines, NULL,
    OPTION_DATABASE | OPTION_TODAY | OPTION_FORMAT },
  { "due", "[--within DAYS] [--overdue]", N_("What falls due soon and what is overdue, across all bases"), run_due, due_entries,
    OPTION_DATABASE | OPTION_TODAY | OPTION_FORMAT },
  { "transition", "ID ACTION", N_("Take a life-cycle step, checked against the regulation"), run_transition, transition_entries,
    OPTION_DATABASE | OPTION_TODAY },
  { "workdays", "add DATE N | between DATE1 DATE2", N_("Working days on the statutory calendar"), run_workdays, NULL,
    OPTION_DATABASE },
  { "validate", "uscc CODE | standard DESIGNATION", N_("Check a credit code or a standard designation"), run_validate, validate_entries,
    0 },
  { "calendar", "import FILE", N_("Import a newer statutory calendar into the database"), run_calendar, NULL,
    OPTION_DATABASE },
  { "audit", "verify | export [FILE]", N_("Check the audit log’s hash chain, or export it as CSV"), run_audit, NULL,
    OPTION_DATABASE },
  { "backup", "FILE", N_("Copy the database safely, even while it is in use"), run_backup, NULL,
    OPTION_DATABASE },
  { "certificate", "ID --output FILE", N_("Write a base’s certificate as PDF (Art. 22)"), run_certificate, sb_cli_certificate_entries,
    OPTION_DATABASE | OPTION_TODAY },
  { "certificates", "--all --output-dir DIR | --output FILE", N_("Write every certificate in force as PDF"), run_certificates, sb_cli_certificates_entries,
    OPTION_DATABASE | OPTION_TODAY },
  { "verify", "FILE", N_("Check a certificate PDF against the database: valid, void, revoked or forged"), run_verify, NULL,
    OPTION_DATABASE },
  { "pdf", "info|annotations FILE | render FILE --page N [--scale S] --output PNG",
    N_("Describe a PDF, render one of its pages, or list its annotations"), run_pdf, sb_cli_pdf_entries,
    OPTION_FORMAT },
};

static char *
describe_commands (void)
{
  GString *text = g_string_new (_("Commands:"));

  g_string_append_c (text, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "  %-12s %s\n               %s\n",
                            commands[i].name, commands[i].arguments, _(commands[i].summary));

  g_string_append_printf (text, "\n%s\n ", _("Actions for transition:"));
  for (guint i = 0; i < SB_N_ACTIONS; i++)
    g_string_append_printf (text, " %s", sb_action_to_string (i));

  g_string_append_printf (text, "\n\n%s\n%s\n%s\n",
                          _("Output: list and deadlines print tab-separated values with a header "
                            "line, or a JSON array with --format json; show prints text or JSON."),
                          _("Dates are written YYYY-MM-DD."),
                          _("Exit status: 0 on success, 1 for invalid input, 2 for usage errors; "
                            "verify exits 3 for a void, 4 for a revoked and 5 for a forged certificate."));

  return g_string_free (text, FALSE);
}

static gboolean
entries_take_value (const GOptionEntry *entries,
                    const char         *name)
{
  for (const GOptionEntry *entry = entries; entry != NULL && entry->long_name != NULL; entry++)
    {
      if (entry->arg != G_OPTION_ARG_NONE && g_str_equal (entry->long_name, name))
        return TRUE;
    }

  return FALSE;
}

/* Whether @arg is a long option, of any command, whose value is the next
 * argument (“--database FILE” rather than “--database=FILE”). */
static gboolean
option_takes_value (const char *arg)
{
  const char *name = arg + 2;

  if (!g_str_has_prefix (arg, "--") || strchr (arg, '=') != NULL)
    return FALSE;
  if (entries_take_value (database_entries, name)
      || entries_take_value (today_entries, name)
      || entries_take_value (format_entries, name))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (entries_take_value (commands[i].entries, name))
        return TRUE;
    }

  return FALSE;
}

/* The command is the first argument that is neither an option nor an
 * option's value, so that options may also come before it, as the usage
 * line “stdbase-cli [OPTION…] COMMAND” says.
 *
 * Returns: the command's name, or %NULL if there is none
 */
static const char *
find_command_name (int    argc,
                   char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        return i + 1 < argc ? argv[i + 1] : NULL;
      if (argv[i][0] == '-' && argv[i][1] != '\0')
        {
          if (option_takes_value (argv[i]))
            i++;
          continue;
        }
      return argv[i];
    }

  return NULL;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  const Command *command = NULL;
  const char *name;

  setlocale (LC_ALL, "");
  /* The installed catalogs, or an uninstalled build's own (sb-paths.c). */
  bindtextdomain (GETTEXT_PACKAGE, sb_paths_get_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  name = find_command_name (argc, argv);
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (name, commands[i].name))
        command = &commands[i];
    }

  if (command == NULL)
    {
      /* No command: --help, --version, or a usage error. */
      context = g_option_context_new (_("COMMAND [ARGUMENTS…]"));
      description = describe_commands ();
      g_option_context_set_summary (context, _("Manage a Shanxi Technical Standard Innovation Base programme."));
      g_option_context_set_description (context, description);
      g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
      /* The options that go with commands, which may come first. */
      g_option_context_add_main_entries (context, database_entries, GETTEXT_PACKAGE);
      g_option_context_add_main_entries (context, today_entries, GETTEXT_PACKAGE);
      g_option_context_add_main_entries (context, format_entries, GETTEXT_PACKAGE);
      if (argc > 1 && g_strcmp0 (argv[1], "--version") == 0)
        {
          g_print ("stdbase-cli %s\n", PACKAGE_VERSION);
          return EXIT_SUCCESS;
        }
      if (name != NULL)
        return sb_cli_fail (EXIT_USAGE, _("Unknown command “%s”; see stdbase-cli --help"), name);
      if (!g_option_context_parse (context, &argc, &argv, &error))
        return sb_cli_fail (EXIT_USAGE, "%s", error->message);
      /* Like every other error, one line: the full help is for --help. */
      return sb_cli_fail (EXIT_USAGE, _("No command given; see stdbase-cli --help"));
    }

  {
    g_autofree char *parameter = g_strdup_printf ("%s %s", command->name, command->arguments);

    context = g_option_context_new (parameter);
  }
  g_option_context_set_summary (context, _(command->summary));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (command->options & OPTION_DATABASE)
    g_option_context_add_main_entries (context, database_entries, GETTEXT_PACKAGE);
  if (command->options & OPTION_TODAY)
    g_option_context_add_main_entries (context, today_entries, GETTEXT_PACKAGE);
  if (command->options & OPTION_FORMAT)
    g_option_context_add_main_entries (context, format_entries, GETTEXT_PACKAGE);
  if (command->entries != NULL)
    g_option_context_add_main_entries (context, command->entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return sb_cli_fail (EXIT_USAGE, "%s", error->message);

  return command->run (argc - 1, argv + 1);
}
