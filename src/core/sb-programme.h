/* sb-programme.h: an open programme: its database, calendar and bases
 */
#pragma once

#include <glib-object.h>

#include "sb-base-store.h"
#include "sb-calendar.h"
#include "sb-database.h"

G_BEGIN_DECLS

#define SB_TYPE_PROGRAMME (sb_programme_get_type ())
G_DECLARE_FINAL_TYPE (SbProgramme, sb_programme, SB, PROGRAMME, GObject)

SbProgramme *sb_programme_open             (const char           *path,
                                            SbDatabaseOpenFlags   flags,
                                            GError              **error);
SbDatabase  *sb_programme_get_database     (SbProgramme          *self);
SbCalendar  *sb_programme_get_calendar     (SbProgramme          *self);
SbBaseStore *sb_programme_get_store        (SbProgramme          *self);
gboolean     sb_programme_import_calendar  (SbProgramme          *self,
                                            const char           *path,
                                            GError              **error);

G_END_DECLS
