/* sb-date.c: calendar dates as the programme records them (YYYY-MM-DD)
 */
#define G_LOG_DOMAIN "sb-date"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "sb-date.h"

G_DEFINE_QUARK (sb-date-error-quark, sb_date_error)

/* Only the ISO form is accepted: dates typed as 2024/2/30 or 30.2.2024 are
 * ambiguous in a programme that spans Chinese and English users.
 */
gboolean
sb_date_parse (const char  *text,
               GDate       *date,
               GError     **error)
{
  int year, month, day;

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);

  if (text == NULL || *text == '\0')
    {
      g_set_error_literal (error, SB_DATE_ERROR, SB_DATE_ERROR_INVALID,
                           _("No date was given; write dates as YYYY-MM-DD"));
      return FALSE;
    }

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

  year = atoi (text);
  month = atoi (text + 5);
  day = atoi (text + 8);

  if (year < 1900 || year > 2200)
    {
      g_set_error (error, SB_DATE_ERROR, SB_DATE_ERROR_INVALID,
                   _("“%s” is outside the years StdBase can handle (1900–2200)"),
                   text);
      return FALSE;
    }
  if (month < 1 || month > 12)
    {
      g_set_error (error, SB_DATE_ERROR, SB_DATE_ERROR_INVALID,
                   _("“%s” is not a date: there is no month %d"), text, month);
      return FALSE;
    }
  if (day < 1 || !g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, SB_DATE_ERROR, SB_DATE_ERROR_INVALID,
                   _("“%s” is not a date: that month has %d days"),
                   text, g_date_get_days_in_month (month, year));
      return FALSE;
    }

  g_date_set_dmy (date, day, month, year);
  return TRUE;

malformed:
  g_set_error (error, SB_DATE_ERROR, SB_DATE_ERROR_INVALID,
               _("“%s” is not a date; write dates as YYYY-MM-DD, for example 2024-03-15"),
               text);
  return FALSE;
}

char *
sb_date_format (const GDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  if (!g_date_valid (date))
    return NULL;

  return g_strdup_printf ("%04d-%02d-%02d",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

void
sb_date_set_today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

/* Months are added as the regulation counts them: 2023-08-31 plus six
 * months is the last day of February, not a day in March.
 */
void
sb_date_add_months_to (const GDate *date,
                       int          months,
                       GDate       *result)
{
  *result = *date;
  if (months > 0)
    g_date_add_months (result, months);
  else if (months < 0)
    g_date_subtract_months (result, -months);
}
