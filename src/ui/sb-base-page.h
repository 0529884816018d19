/* sb-base-page.h: everything about one base
 */
#pragma once

#include <adwaita.h>

#include "sb-base.h"
#include "sb-profile.h"
#include "sb-programme.h"

G_BEGIN_DECLS

#define SB_TYPE_BASE_PAGE (sb_base_page_get_type ())
G_DECLARE_FINAL_TYPE (SbBasePage, sb_base_page, SB, BASE_PAGE, AdwBin)

GtkWidget   *sb_base_page_new           (void);

SbProgramme *sb_base_page_get_programme (SbBasePage  *self);
void         sb_base_page_set_programme (SbBasePage  *self,
                                         SbProgramme *programme);
gint64       sb_base_page_get_base_id   (SbBasePage  *self);
void         sb_base_page_set_base_id   (SbBasePage  *self,
                                         gint64       base_id);
void         sb_base_page_get_today     (SbBasePage  *self,
                                         GDate       *today);
void         sb_base_page_set_today     (SbBasePage  *self,
                                         const GDate *today);
void         sb_base_page_reload        (SbBasePage  *self);
void         sb_base_page_set_profile   (SbBasePage      *self,
                                         const SbProfile *profile);

SbBase      *sb_base_page_get_base      (SbBasePage  *self);
const char  *sb_base_page_get_title     (SbBasePage  *self);
gboolean     sb_base_page_get_title_visible
                                        (SbBasePage  *self);

G_END_DECLS
