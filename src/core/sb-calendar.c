/* sb-calendar.c: the PRC statutory working-day calendar
 *
 * The key file gives, per year, the holidays and the make-up working days of
 * the State Council's notice.  After each load the calendar flattens every
 * loaded year into tables over consecutive julian days, so that the
 * questions deadlines ask (is this a working day, which day is the n-th
 * working day after this one, how many working days lie between two dates)
 * are answered in constant time, without walking the days one by one.
 */
#define G_LOG_DOMAIN "sb-calendar"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "sb-calendar.h"
#include "sb-paths.h"

#define DEFAULT_FILE_NAME "cn-statutory-holidays.ini"

/* Years the key file may name, the same span as sb-date.c accepts. */
#define MIN_YEAR 1900
#define MAX_YEAR 2200

/* A holiday range longer than this is taken for a typing mistake. */
#define MAX_RANGE_DAYS 31

/* How far a group may reach into the adjacent years: from 25 December of
 * the year before to 7 January of the year after (see the data file).
 */
#define SPILL_DAYS 7

typedef struct
{
  int     year;
  char   *source;
  GArray *holidays;   /* guint32 julian days */
  GArray *workdays;   /* guint32 julian days, each a Saturday or Sunday */
} YearData;

/* Flags of one day while the tables are built */
enum
{
  DAY_WORKING = 1 << 0,
  DAY_COVERED = 1 << 1,   /* its year has data */
};

struct _SbCalendar
{
  GObject     parent_instance;

  /* GINT_TO_POINTER (year) → YearData, as loaded */
  GHashTable *years;

  /* Derived from @years by sb_calendar_rebuild().  Day index i stands for
   * julian day base + i and runs over every day from 1 January of
   * first_year to 31 December of last_year, years without data included.
   */
  int         first_year;
  int         last_year;
  guint32     base;
  guint32     n_days;
  guint32     n_working;
  guint32    *rank;       /* n_days + 1: number of working days before i */
  guint32    *nth;        /* n_working: index of the k-th working day */
  guint32    *next_gap;   /* n_days + 1: first index >= i in a year without
                           * data; n_days, the next 1 January, if none */
};

G_DEFINE_FINAL_TYPE (SbCalendar, sb_calendar, G_TYPE_OBJECT)

G_DEFINE_QUARK (sb-calendar-error-quark, sb_calendar_error)

static void
year_data_free (gpointer data)
{
  YearData *year_data = data;

  g_free (year_data->source);
  g_clear_pointer (&year_data->holidays, g_array_unref);
  g_clear_pointer (&year_data->workdays, g_array_unref);
  g_free (year_data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YearData, year_data_free)

static guint32
julian_from_dmy (int year,
                 int month,
                 int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  return g_date_get_julian (&date);
}

static int
year_of_julian (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);

  return g_date_get_year (&date);
}

/* GDate's julian day 1 is Monday 1 January of year 1. */
static inline gboolean
julian_is_weekend (guint32 julian)
{
  return (julian - 1) % 7 >= 5;
}

static gboolean
set_no_data_error (GError  **error,
                   guint32   julian)
{
  g_set_error (error, SB_CALENDAR_ERROR, SB_CALENDAR_ERROR_NO_DATA,
               _("The statutory calendar has no data for %d; import the State Council's holiday arrangement for that year"),
               year_of_julian (julian));
  return FALSE;
}

static char *
format_julian (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);

  return g_strdup_printf ("%04d-%02d-%02d",
                          g_date_get_year (&date),
                          g_date_get_month (&date),
                          g_date_get_day (&date));
}

/* Parses exactly YYYY-MM-DD and checks that the date lies in @year or
 * within SPILL_DAYS of its ends.
 */
static gboolean
parse_date (const char  *text,
            int          year,
            const char  *key,
            guint32     *julian,
            GError     **error)
{
  int y = 0, m = 0, d = 0;
  guint32 value;

  for (int i = 0; i < 10; i++)
    {
      gboolean want_dash = (i == 4 || i == 7);

      if (text[i] == '\0'
          || (want_dash && text[i] != '-')
          || (!want_dash && !g_ascii_isdigit (text[i])))
        goto malformed;
    }
  if (text[10] != '\0')
    goto malformed;

  for (int i = 0; i < 4; i++)
    y = y * 10 + (text[i] - '0');
  m = (text[5] - '0') * 10 + (text[6] - '0');
  d = (text[8] - '0') * 10 + (text[9] - '0');

  if (!g_date_valid_dmy (d, m, y))
    {
      g_set_error (error, SB_CALENDAR_ERROR, SB_CALENDAR_ERROR_PARSE,
                   _("Group [%d], key “%s”: “%s” is not a real date"),
                   year, key, text);
      return FALSE;
    }

  value = julian_from_dmy (y, m, d);

  if (value < julian_from_dmy (year, 1, 1) - SPILL_DAYS
      || value > julian_from_dmy (year, 12, 31) + SPILL_DAYS)
    {
      g_set_error (error, SB_CALENDAR_ERROR, SB_CALENDAR_ERROR_PARSE,
                   _("Group [%d], key “%s”: %s is not in %d; only dates within a week of New Year may fall in the adjacent year"),
                   year, key, text, year);
      return FALSE;
    }

  *julian = value;
  return TRUE;

malformed:
  g_set_error (error, SB_CALENDAR_ERROR, SB_CALENDAR_ERROR_PARSE,
               _("Group [%d], key “%s”: “%s” is not a date; write dates as YYYY-MM-DD and ranges as YYYY-MM-DD..YYYY-MM-DD"),
               year, key, text);
  return FALSE;
}

static gboolean
parse_holiday (const char  *item,
               int          year,
               GArray      *holidays,
               GError     **error)
{
  const char *dots = strstr (item, "..");
  g_autofree char *first_text = NULL;
  guint32 first, last;

  if (dots == NULL)
    {
      if (!parse_date (item, year, "holidays", &first, error))
        return FALSE;
      g_array_append_val (holidays, first);
      return TRUE;
    }

  first_text = g_strndup (item, dots - item);
  if (!parse_date (first_text, year, "holidays", &first, error)
      || !parse_date (dots + 2, year, "holidays", &last, error))
    return FALSE;

  if (last < first)
    {
      g_set_error (error, SB_CALENDAR_ERROR, SB_CALENDAR_ERROR_PARSE,
                   _("Group [%d], key “holidays”: the range “%s” ends before it starts"),
                   year, item);
      return FALSE;
    }
  if (last - first + 1 > MAX_RANGE_DAYS)
    {
      g_set_error (error, SB_CALENDAR_ERROR, SB_CALENDAR_ERROR_PARSE,
                   _("Group [%d], key “holidays”: the range “%s” is longer than %d days"),
                   year, item, MAX_RANGE_DAYS);
      return FALSE;
    }

  for (guint32 julian = first; julian <= last; julian++)
    g_array_append_val (holidays, julian);

  return TRUE;
}

static gboolean
parse_workday (const char  *item,
               int          year,
               GArray      *workdays,
               GError     **error)
{
  guint32 julian;

  if (strstr (item, "..") != NULL)
    {
      g_set_error (error, SB_CALENDAR_ERROR, SB_CALENDAR_ERROR_PARSE,
                   _("Group [%d], key “workdays”: “%s” is a range; list each make-up working day on its own"),
                   year, item);
      return FALSE;
    }

  if (!parse_date (item, year, "workdays", &julian, error))
    return FALSE;

  if (!julian_is_weekend (julian))
    {
      g_set_error (error, SB_CALENDAR_ERROR, SB_CALENDAR_ERROR_PARSE,
                   _("Group [%d], key “workdays”: %s is a weekday; make-up working days are Saturdays or Sundays"),
                   year, item);
      return FALSE;
    }

  g_array_append_val (workdays, julian);
  return TRUE;
}

/* Reads a ';'-separated list; blanks around items and empty items are
 * ignored.  A missing key is an empty list.
 */
static gboolean
parse_list (GKeyFile    *key_file,
            const char  *group,
            int          year,
            const char  *key,
            GArray      *out,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) items = NULL;

  if (!g_key_file_has_key (key_file, group, key, NULL))
    return TRUE;

  items = g_key_file_get_string_list (key_file, group, key, NULL, &local_error);
  if (items == NULL)
    {
      g_set_error (error, SB_CALENDAR_ERROR, SB_CALENDAR_ERROR_PARSE,
                   _("Group [%d], key “%s”: %s"),
                   year, key, local_error->message);
      return FALSE;
    }

  for (guint i = 0; items[i] != NULL; i++)
    {
      char *item = g_strstrip (items[i]);
      gboolean ok;

      if (*item == '\0')
        continue;

      if (g_str_equal (key, "holidays"))
        ok = parse_holiday (item, year, out, error);
      else
        ok = parse_workday (item, year, out, error);

      if (!ok)
        return FALSE;
    }

  return TRUE;
}

static YearData *
parse_group (GKeyFile    *key_file,
             const char  *group,
             GError     **error)
{
  static const char * const known_keys[] = { "source", "holidays", "workdays", NULL };
  g_autoptr(YearData) year_data = NULL;
  g_autoptr(GHashTable) holiday_set = NULL;
  g_auto(GStrv) keys = NULL;
  int year = 0;

  if (strlen (group) != 4
      || !g_ascii_isdigit (group[0]) || !g_ascii_isdigit (group[1])
      || !g_ascii_isdigit (group[2]) || !g_ascii_isdigit (group[3]))
    {
      g_set_error (error, SB_CALENDAR_ERROR, SB_CALENDAR_ERROR_PARSE,
                   _("Group [%s] is not a year; each group is a year such as [2024]"),
                   group);
      return NULL;
    }

  for (int i = 0; i < 4; i++)
    year = year * 10 + (group[i] - '0');

  if (year < MIN_YEAR || year > MAX_YEAR)
    {
      g_set_error (error, SB_CALENDAR_ERROR, SB_CALENDAR_ERROR_PARSE,
                   _("Group [%d] is outside the years StdBase can handle (%d–%d)"),
                   year, MIN_YEAR, MAX_YEAR);
      return NULL;
    }

  keys = g_key_file_get_keys (key_file, group, NULL, NULL);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      if (!g_strv_contains (known_keys, keys[i]))
        {
          g_set_error (error, SB_CALENDAR_ERROR, SB_CALENDAR_ERROR_PARSE,
                       _("Group [%d] has an unknown key “%s”; the keys are “source”, “holidays” and “workdays”"),
                       year, keys[i]);
          return NULL;
        }
    }

  year_data = g_new0 (YearData, 1);
  year_data->year = year;
  year_data->holidays = g_array_new (FALSE, FALSE, sizeof (guint32));
  year_data->workdays = g_array_new (FALSE, FALSE, sizeof (guint32));

  if (g_key_file_has_key (key_file, group, "source", NULL))
    {
      g_autofree char *source = g_key_file_get_string (key_file, group, "source", NULL);

      if (source != NULL && *g_strstrip (source) != '\0')
        year_data->source = g_steal_pointer (&source);
    }

  if (!g_key_file_has_key (key_file, group, "holidays", NULL))
    {
      g_set_error (error, SB_CALENDAR_ERROR, SB_CALENDAR_ERROR_PARSE,
                   _("Group [%d] has no “holidays” key"),
                   year);
      return NULL;
    }

  if (!parse_list (key_file, group, year, "holidays", year_data->holidays, error)
      || !parse_list (key_file, group, year, "workdays", year_data->workdays, error))
    return NULL;

  if (year_data->holidays->len == 0)
    {
      g_set_error (error, SB_CALENDAR_ERROR, SB_CALENDAR_ERROR_PARSE,
                   _("Group [%d], key “holidays” lists no holidays"),
                   year);
      return NULL;
    }

  holiday_set = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < year_data->holidays->len; i++)
    g_hash_table_add (holiday_set,
                      GUINT_TO_POINTER (g_array_index (year_data->holidays, guint32, i)));

  for (guint i = 0; i < year_data->workdays->len; i++)
    {
      guint32 julian = g_array_index (year_data->workdays, guint32, i);

      if (g_hash_table_contains (holiday_set, GUINT_TO_POINTER (julian)))
        {
          g_autofree char *text = format_julian (julian);

          g_set_error (error, SB_CALENDAR_ERROR, SB_CALENDAR_ERROR_PARSE,
                       _("Group [%d]: %s is listed both as a holiday and as a make-up working day"),
                       year, text);
          return NULL;
        }
    }

  return g_steal_pointer (&year_data);
}

static int
compare_years (gconstpointer a,
               gconstpointer b)
{
  return GPOINTER_TO_INT (*(gconstpointer *) a) - GPOINTER_TO_INT (*(gconstpointer *) b);
}

static void
clear_tables (SbCalendar *self)
{
  g_clear_pointer (&self->rank, g_free);
  g_clear_pointer (&self->nth, g_free);
  g_clear_pointer (&self->next_gap, g_free);
  self->first_year = 0;
  self->last_year = 0;
  self->base = 0;
  self->n_days = 0;
  self->n_working = 0;
}

static void
apply_days (SbCalendar   *self,
            guint8       *flags,
            const GArray *days,
            gboolean      working)
{
  for (guint i = 0; i < days->len; i++)
    {
      guint32 julian = g_array_index (days, guint32, i);
      guint32 day;

      /* Spill-over into a year outside the tables or without data */
      if (julian < self->base || julian - self->base >= self->n_days)
        continue;
      day = julian - self->base;
      if (!(flags[day] & DAY_COVERED))
        continue;

      if (working)
        flags[day] |= DAY_WORKING;
      else
        flags[day] &= ~DAY_WORKING;
    }
}

static void
sb_calendar_rebuild (SbCalendar *self)
{
  g_autofree guint8 *flags = NULL;
  g_autofree gpointer *keys = NULL;
  guint n_years = 0;

  clear_tables (self);

  keys = g_hash_table_get_keys_as_array (self->years, &n_years);
  if (n_years == 0)
    return;

  /* Groups are applied in year order, so that a later notice wins where
   * two disagree about a day at the turn of a year.
   */
  qsort (keys, n_years, sizeof (gpointer), compare_years);

  self->first_year = GPOINTER_TO_INT (keys[0]);
  self->last_year = GPOINTER_TO_INT (keys[n_years - 1]);
  self->base = julian_from_dmy (self->first_year, 1, 1);
  self->n_days = julian_from_dmy (self->last_year, 12, 31) - self->base + 1;

  flags = g_new0 (guint8, self->n_days);

  for (guint i = 0; i < n_years; i++)
    {
      int year = GPOINTER_TO_INT (keys[i]);
      guint32 first = julian_from_dmy (year, 1, 1);
      guint32 last = julian_from_dmy (year, 12, 31);

      for (guint32 julian = first; julian <= last; julian++)
        flags[julian - self->base] = DAY_COVERED
                                     | (julian_is_weekend (julian) ? 0 : DAY_WORKING);
    }

  for (guint i = 0; i < n_years; i++)
    {
      const YearData *year_data = g_hash_table_lookup (self->years, keys[i]);

      apply_days (self, flags, year_data->holidays, FALSE);
      apply_days (self, flags, year_data->workdays, TRUE);
    }

  self->rank = g_new (guint32, self->n_days + 1);
  self->next_gap = g_new (guint32, self->n_days + 1);

  self->rank[0] = 0;
  for (guint32 day = 0; day < self->n_days; day++)
    self->rank[day + 1] = self->rank[day] + ((flags[day] & DAY_WORKING) ? 1 : 0);
  self->n_working = self->rank[self->n_days];

  self->nth = g_new (guint32, MAX (self->n_working, 1));
  for (guint32 day = 0; day < self->n_days; day++)
    if (flags[day] & DAY_WORKING)
      self->nth[self->rank[day]] = day;

  self->next_gap[self->n_days] = self->n_days;
  for (guint32 day = self->n_days; day-- > 0;)
    self->next_gap[day] = (flags[day] & DAY_COVERED) ? self->next_gap[day + 1] : day;
}

static void
sb_calendar_finalize (GObject *object)
{
  SbCalendar *self = (SbCalendar *)object;

  clear_tables (self);
  g_clear_pointer (&self->years, g_hash_table_unref);

  G_OBJECT_CLASS (sb_calendar_parent_class)->finalize (object);
}

static void
sb_calendar_class_init (SbCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sb_calendar_finalize;
}

static void
sb_calendar_init (SbCalendar *self)
{
  self->years = g_hash_table_new_full (NULL, NULL, NULL, year_data_free);
}

/**
 * sb_calendar_new:
 *
 * Creates a calendar without any data: every question about a day fails
 * with %SB_CALENDAR_ERROR_NO_DATA until a file is loaded.
 *
 * Returns: (transfer full): a new #SbCalendar
 */
SbCalendar *
sb_calendar_new (void)
{
  return g_object_new (SB_TYPE_CALENDAR, NULL);
}

/**
 * sb_calendar_find_default_file:
 *
 * Looks for the shipped calendar, calendar/cn-statutory-holidays.ini, in
 * the data directory: `$STDBASE_DATA_DIR`, or the installed one, or for an
 * uninstalled build the source tree (see sb_paths_get_data_dir()).
 *
 * Returns: (transfer full) (nullable): the path if the file exists, or %NULL
 */
char *
sb_calendar_find_default_file (void)
{
  g_autofree char *path = g_build_filename (sb_paths_get_data_dir (), "calendar",
                                            DEFAULT_FILE_NAME, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;

  return g_steal_pointer (&path);
}

/**
 * sb_calendar_new_default:
 * @error: return location for an error
 *
 * Creates a calendar loaded from the file sb_calendar_find_default_file()
 * finds.  Fails with %G_FILE_ERROR_NOENT if there is none, or with the
 * error of sb_calendar_load_file().
 *
 * Returns: (transfer full) (nullable): a new #SbCalendar, or %NULL
 */
SbCalendar *
sb_calendar_new_default (GError **error)
{
  g_autofree char *path = NULL;
  g_autoptr(SbCalendar) self = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = sb_calendar_find_default_file ();
  if (path == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   _("The statutory calendar file “%s” was not found; set STDBASE_DATA_DIR to a directory whose calendar folder contains it"),
                   DEFAULT_FILE_NAME);
      return NULL;
    }

  self = sb_calendar_new ();
  if (!sb_calendar_load_file (self, path, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * sb_calendar_load_data:
 * @self: a #SbCalendar
 * @data: the key file
 * @length: length of @data in bytes, or -1 if it is nul-terminated
 * @error: return location for an error
 *
 * Loads the years in @data, replacing the same years entirely and keeping
 * the others.  On error (%SB_CALENDAR_ERROR_PARSE, naming the group, key
 * and value at fault) the calendar is left unchanged.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_calendar_load_data (SbCalendar  *self,
                       const char  *data,
                       gssize       length,
                       GError     **error)
{
  g_autoptr(GKeyFile) key_file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) parsed = NULL;
  g_auto(GStrv) groups = NULL;
  gsize n_groups = 0;

  g_return_val_if_fail (SB_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Keeping translations makes a localised key such as holidays[zh_CN]
   * an unknown key in every locale, instead of one dropped or not
   * depending on the user's.
   */
  key_file = g_key_file_new ();
  if (!g_key_file_load_from_data (key_file, data,
                                  length < 0 ? (gsize) -1 : (gsize) length,
                                  G_KEY_FILE_KEEP_TRANSLATIONS, &local_error))
    {
      g_set_error (error, SB_CALENDAR_ERROR, SB_CALENDAR_ERROR_PARSE,
                   _("The calendar file is not a valid key file: %s"),
                   local_error->message);
      return FALSE;
    }

  groups = g_key_file_get_groups (key_file, &n_groups);
  if (n_groups == 0)
    {
      g_set_error_literal (error, SB_CALENDAR_ERROR, SB_CALENDAR_ERROR_PARSE,
                           _("The calendar file contains no years"));
      return FALSE;
    }

  parsed = g_ptr_array_new_with_free_func (year_data_free);
  for (gsize i = 0; i < n_groups; i++)
    {
      YearData *year_data = parse_group (key_file, groups[i], error);

      if (year_data == NULL)
        return FALSE;
      g_ptr_array_add (parsed, year_data);
    }

  /* Nothing can fail from here on. */
  while (parsed->len > 0)
    {
      YearData *year_data = g_ptr_array_steal_index_fast (parsed, parsed->len - 1);

      g_hash_table_replace (self->years, GINT_TO_POINTER (year_data->year), year_data);
    }

  sb_calendar_rebuild (self);

  return TRUE;
}

/**
 * sb_calendar_load_file:
 * @self: a #SbCalendar
 * @path: a file in the format of sb_calendar_load_data()
 * @error: return location for an error
 *
 * Like sb_calendar_load_data(), reading @path.  Parse errors are prefixed
 * with the file's display name.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_calendar_load_file (SbCalendar  *self,
                       const char  *path,
                       GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (SB_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;

  if (!sb_calendar_load_data (self, contents, length, &local_error))
    {
      g_autofree char *display_name = g_filename_display_name (path);

      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  "%s: ", display_name);
      return FALSE;
    }

  return TRUE;
}

/**
 * sb_calendar_has_year:
 * @self: a #SbCalendar
 * @year: a year
 *
 * Returns: whether a group for @year has been loaded
 */
gboolean
sb_calendar_has_year (SbCalendar *self,
                      int         year)
{
  g_return_val_if_fail (SB_IS_CALENDAR (self), FALSE);

  return g_hash_table_contains (self->years, GINT_TO_POINTER (year));
}

/**
 * sb_calendar_get_first_year:
 * @self: a #SbCalendar
 *
 * Returns: the earliest year loaded, or 0 if none.  Years between the first
 *   and the last may still be missing; see sb_calendar_has_year().
 */
int
sb_calendar_get_first_year (SbCalendar *self)
{
  g_return_val_if_fail (SB_IS_CALENDAR (self), 0);

  return self->first_year;
}

/**
 * sb_calendar_get_last_year:
 * @self: a #SbCalendar
 *
 * Returns: the latest year loaded, or 0 if none
 */
int
sb_calendar_get_last_year (SbCalendar *self)
{
  g_return_val_if_fail (SB_IS_CALENDAR (self), 0);

  return self->last_year;
}

/**
 * sb_calendar_get_source:
 * @self: a #SbCalendar
 * @year: a year
 *
 * Returns: (nullable): the `source` of the group for @year (the State
 *   Council notice it was taken from), or %NULL if the year has no data or
 *   its group gives no source
 */
const char *
sb_calendar_get_source (SbCalendar *self,
                        int         year)
{
  const YearData *year_data;

  g_return_val_if_fail (SB_IS_CALENDAR (self), NULL);

  year_data = g_hash_table_lookup (self->years, GINT_TO_POINTER (year));

  return year_data != NULL ? year_data->source : NULL;
}

/**
 * sb_calendar_is_working_day:
 * @self: a #SbCalendar
 * @date: a valid date
 * @is_working_day: (out): whether @date is a working day
 * @error: return location for an error
 *
 * Fails with %SB_CALENDAR_ERROR_NO_DATA if @date's year has no data.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_calendar_is_working_day (SbCalendar  *self,
                            const GDate *date,
                            gboolean    *is_working_day,
                            GError     **error)
{
  guint32 julian, day;

  g_return_val_if_fail (SB_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (is_working_day != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  julian = g_date_get_julian (date);
  if (julian < self->base || julian - self->base >= self->n_days)
    return set_no_data_error (error, julian);

  day = julian - self->base;
  if (self->next_gap[day] == day)
    return set_no_data_error (error, julian);

  *is_working_day = self->rank[day + 1] != self->rank[day];
  return TRUE;
}

/**
 * sb_calendar_add_working_days:
 * @self: a #SbCalendar
 * @start: a valid date
 * @n: how many working days to add
 * @result: (out caller-allocates): the @n-th working day after @start
 * @error: return location for an error
 *
 * Sets @result to the @n-th working day strictly after @start; @start
 * itself is not counted, and need not be a working day.  With @n = 0,
 * @result is @start.  Fails with %SB_CALENDAR_ERROR_NO_DATA, leaving
 * @result alone, if any day from the one after @start up to the result
 * falls in a year without data.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_calendar_add_working_days (SbCalendar  *self,
                              const GDate *start,
                              guint        n,
                              GDate       *result,
                              GError     **error)
{
  guint32 first, day, gap;
  guint64 k;

  g_return_val_if_fail (SB_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (start != NULL && g_date_valid (start), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n == 0)
    {
      g_date_clear (result, 1);
      g_date_set_julian (result, g_date_get_julian (start));
      return TRUE;
    }

  first = g_date_get_julian (start) + 1;
  if (first < self->base || first - self->base >= self->n_days)
    return set_no_data_error (error, first);

  day = first - self->base;
  gap = self->next_gap[day];
  k = (guint64) self->rank[day] + n - 1;

  /* Running past the tables or into a year without data before reaching
   * the n-th working day: gap names the first day without data.
   */
  if (k >= self->n_working || self->nth[k] >= gap)
    return set_no_data_error (error, self->base + gap);

  g_date_clear (result, 1);
  g_date_set_julian (result, self->base + self->nth[k]);
  return TRUE;
}

/**
 * sb_calendar_working_days_between:
 * @self: a #SbCalendar
 * @from: a valid date
 * @to: a valid date
 * @count: (out): the number of working days
 * @error: return location for an error
 *
 * Counts the working days after @from up to and including @to.  If @to is
 * before @from, the count is minus the number of working days after @to up
 * to and including @from.  So if sb_calendar_add_working_days() takes
 * @from to @to in n days, the count is n.  Fails with
 * %SB_CALENDAR_ERROR_NO_DATA if any day counted falls in a year without
 * data.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_calendar_working_days_between (SbCalendar  *self,
                                  const GDate *from,
                                  const GDate *to,
                                  int         *count,
                                  GError     **error)
{
  guint32 from_julian, to_julian, low, high, first, day, last_day;

  g_return_val_if_fail (SB_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (from != NULL && g_date_valid (from), FALSE);
  g_return_val_if_fail (to != NULL && g_date_valid (to), FALSE);
  g_return_val_if_fail (count != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  from_julian = g_date_get_julian (from);
  to_julian = g_date_get_julian (to);

  if (from_julian == to_julian)
    {
      *count = 0;
      return TRUE;
    }

  low = MIN (from_julian, to_julian);
  high = MAX (from_julian, to_julian);

  first = low + 1;
  if (first < self->base || first - self->base >= self->n_days)
    return set_no_data_error (error, first);

  day = first - self->base;
  last_day = high - self->base;
  if (self->next_gap[day] <= last_day)
    return set_no_data_error (error, self->base + self->next_gap[day]);

  *count = (int) (self->rank[last_day + 1] - self->rank[day]);
  if (to_julian < from_julian)
    *count = -*count;

  return TRUE;
}
