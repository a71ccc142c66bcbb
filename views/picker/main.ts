import { startView } from '../shared/app.js'; startView('picker', { result() {} });
