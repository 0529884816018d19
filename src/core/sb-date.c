/* sb-date.c: calendar dates as the programme records them (YYYY-MM-DD)
 */
#define G_LOG_DOMAIN "sb-date"

#include "config.h"

#include <glib/gi18n-lib.h>

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

  /* The digits are checked above; reading them by hand is what keeps
   * loading thousands of bases fast. */
  year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  month = (text[5] - '0') * 10 + (text[6] - '0');
  day = (text[8] - '0') * 10 + (text[9] - '0');

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

/**
 * sb_date_write:
 * @text: where the ISO date goes
 *
 * Writes @date as YYYY-MM-DD without allocating: storing a programme
 * formats hundreds of thousands of dates.
 *
 * Returns: %FALSE, leaving @text empty, if @date is not valid
 */
gboolean
sb_date_write (const GDate *date,
               char         text[SB_DATE_TEXT_SIZE])
{
  int year, month, day;

  g_return_val_if_fail (date != NULL, FALSE);

  text[0] = '\0';
  if (!g_date_valid (date))
    return FALSE;

  year = g_date_get_year (date);
  month = g_date_get_month (date);
  day = g_date_get_day (date);
  text[0] = '0' + year / 1000 % 10;
  text[1] = '0' + year / 100 % 10;
  text[2] = '0' + year / 10 % 10;
  text[3] = '0' + year % 10;
  text[4] = '-';
  text[5] = '0' + month / 10;
  text[6] = '0' + month % 10;
  text[7] = '-';
  text[8] = '0' + day / 10;
  text[9] = '0' + day % 10;
  text[10] = '\0';

  return TRUE;
}

char *
sb_date_format (const GDate *date)
{
  char text[SB_DATE_TEXT_SIZE];

  g_return_val_if_fail (date != NULL, NULL);

  if (!sb_date_write (date, text))
    return NULL;

  return g_strdup (text);
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
