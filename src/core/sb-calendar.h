/* sb-calendar.h: the PRC statutory working-day calendar
 *
 * Holidays and make-up working days (调休) are data, loaded from a key file
 * with one group per year.  A year without data is an error, never a silent
 * Monday-to-Friday guess.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SB_CALENDAR_ERROR (sb_calendar_error_quark ())

typedef enum
{
  SB_CALENDAR_ERROR_NO_DATA,   /* a year the calendar has no data for */
  SB_CALENDAR_ERROR_PARSE,     /* malformed calendar file */
} SbCalendarError;

#define SB_TYPE_CALENDAR (sb_calendar_get_type ())
G_DECLARE_FINAL_TYPE (SbCalendar, sb_calendar, SB, CALENDAR, GObject)

GQuark      sb_calendar_error_quark          (void);

SbCalendar *sb_calendar_new                  (void);
SbCalendar *sb_calendar_new_default          (GError     **error);
char       *sb_calendar_find_default_file    (void);

gboolean    sb_calendar_load_file            (SbCalendar  *self,
                                              const char  *path,
                                              GError     **error);
gboolean    sb_calendar_load_data            (SbCalendar  *self,
                                              const char  *data,
                                              gssize       length,
                                              GError     **error);

gboolean    sb_calendar_has_year             (SbCalendar  *self,
                                              int          year);
int         sb_calendar_get_first_year       (SbCalendar  *self);
int         sb_calendar_get_last_year        (SbCalendar  *self);
const char *sb_calendar_get_source           (SbCalendar  *self,
                                              int          year);

gboolean    sb_calendar_is_working_day       (SbCalendar  *self,
                                              const GDate *date,
                                              gboolean    *is_working_day,
                                              GError     **error);
gboolean    sb_calendar_add_working_days     (SbCalendar  *self,
                                              const GDate *start,
                                              guint        n,
                                              GDate       *result,
                                              GError     **error);
gboolean    sb_calendar_working_days_between (SbCalendar  *self,
                                              const GDate *from,
                                              const GDate *to,
                                              int         *count,
                                              GError     **error);

G_END_DECLS
