/* sb-panel-dialog.h: the authority forms a review panel from the expert pool
 */
#pragma once

#include <adwaita.h>

#include "sb-database.h"
#include "sb-review-panel.h"

G_BEGIN_DECLS

#define SB_TYPE_PANEL_DIALOG (sb_panel_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SbPanelDialog, sb_panel_dialog, SB, PANEL_DIALOG, AdwWindow)

SbPanelDialog *sb_panel_dialog_new (GtkWindow   *parent,
                                    SbDatabase  *database,
                                    gint64       base_id,
                                    const char  *base_name,
                                    SbPanelKind  kind,
                                    const GDate *today);

G_END_DECLS
