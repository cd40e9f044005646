// Leaflet as the global L: Leaflet.markercluster 1.x (the line made for
// Leaflet 1.x) extends the global, so this module is imported before it.
import L from 'leaflet';

window.L = L;
export default L;
