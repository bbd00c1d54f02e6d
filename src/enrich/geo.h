/* geo.h: the geolocation pass. After a document is coded, find the place
 * names in each sentence that has events (gazetteer.h), choose which place
 * each name means, and attach places to the events: where the event
 * happened (parley_event.geo) and where its actors are stated to be
 * (source_geo, target_geo). docs/geo.md gives the rules. Internal. */
#ifndef PRL_ENRICH_GEO_H
#define PRL_ENRICH_GEO_H

#include "code/coder.h"
#include "doc.h"

/* Place the events of doc, coded from seg. The parley_geo records live in
 * the doc's arena. Traces its candidates and choices through the coder's
 * trace callback. Returns PARLEY_ENOMEM when the arena fails. */
parley_status prl_geo_doc(parley_coder *c, parley_doc *doc,
                          const prl_segmented *seg);

#endif
