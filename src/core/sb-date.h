/* sb-date.h: calendar dates as the programme records them (YYYY-MM-DD)
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SB_DATE_ERROR (sb_date_error_quark ())

typedef enum
{
  SB_DATE_ERROR_INVALID,
} SbDateError;

GQuark    sb_date_error_quark (void);

gboolean  sb_date_parse       (const char  *text,
                               GDate       *date,
                               GError     **error);
#define SB_DATE_TEXT_SIZE 11 /* "YYYY-MM-DD" and its NUL */

char     *sb_date_format      (const GDate *date);
gboolean  sb_date_write       (const GDate *date,
                               char         text[SB_DATE_TEXT_SIZE]);
void      sb_date_set_today   (GDate       *date);
void      sb_date_add_months_to (const GDate *date,
                                 int          months,
                                 GDate       *result);

G_END_DECLS
