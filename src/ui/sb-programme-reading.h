/* sb-programme-reading.h: what a main window shows of a programme, read
 * in a worker
 */
#pragma once

#include <gio/gio.h>

#include "sb-dashboard-view.h"
#include "sb-profile.h"
#include "sb-programme.h"

G_BEGIN_DECLS

/* What a reading found, for the window to take over. */
typedef struct
{
  SbProgramme     *programme;
  GPtrArray       *bases;       /* SbBase: those the profile may see */
  GArray          *domains;     /* SbReference */
  GArray          *cities;      /* SbReference */
  GArray          *tags;        /* SbReference */
  SbDashboardData *dashboard;
  GPtrArray       *watch;       /* SbDueItem: overdue or due soon */
  SbProfile       *profile;     /* the last profile, or NULL */
} SbProgrammeContents;

void sb_programme_contents_free (SbProgrammeContents *contents);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbProgrammeContents, sb_programme_contents_free)

#define SB_TYPE_PROGRAMME_READING (sb_programme_reading_get_type ())
G_DECLARE_FINAL_TYPE (SbProgrammeReading, sb_programme_reading, SB, PROGRAMME_READING, GObject)

SbProgrammeReading  *sb_programme_reading_new         (const char          *database_path,
                                                       SbProgramme         *programme,
                                                       const GDate         *today,
                                                       gboolean             fill_demo);
const char          *sb_programme_reading_get_database_path (SbProgrammeReading *self);
const GDate         *sb_programme_reading_get_today   (SbProgrammeReading  *self);
gboolean             sb_programme_reading_judges_real_today (SbProgrammeReading *self);
void                 sb_programme_reading_wait_async  (SbProgrammeReading  *self,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
SbProgrammeContents *sb_programme_reading_wait_finish (SbProgrammeReading  *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

G_END_DECLS
