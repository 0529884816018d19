/* sb-spot-check-dialog.h: record a spot check of a base (Art. 37)
 */
#pragma once

#include <adwaita.h>

#include "sb-database.h"

G_BEGIN_DECLS

#define SB_TYPE_SPOT_CHECK_DIALOG (sb_spot_check_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SbSpotCheckDialog, sb_spot_check_dialog, SB, SPOT_CHECK_DIALOG, AdwWindow)

SbSpotCheckDialog *sb_spot_check_dialog_new (GtkWindow   *parent,
                                             SbDatabase  *database,
                                             gint64       base_id,
                                             const char  *base_name,
                                             const char  *inspector,
                                             const GDate *today);

G_END_DECLS
