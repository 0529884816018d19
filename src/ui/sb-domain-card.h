/* sb-domain-card.h: one domain on the dashboard
 */
#pragma once

#include <adwaita.h>

#include "sb-statistics.h"

G_BEGIN_DECLS

#define SB_TYPE_DOMAIN_CARD (sb_domain_card_get_type ())
G_DECLARE_FINAL_TYPE (SbDomainCard, sb_domain_card, SB, DOMAIN_CARD, AdwBin)

GtkWidget  *sb_domain_card_new         (const SbGroupSummary *summary,
                                        const char           *nearest_base_name);
const char *sb_domain_card_get_code    (SbDomainCard         *self);

G_END_DECLS
